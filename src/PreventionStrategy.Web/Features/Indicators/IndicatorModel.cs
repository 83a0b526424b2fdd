using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>The indicators' part of the EF model, kept beside the feature instead of growing <see cref="AppDbContext"/>.</summary>
internal static class IndicatorModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Indicator>(indicator =>
        {
            indicator.Property(i => i.Name).HasMaxLength(200);
            indicator.Property(i => i.Description).HasMaxLength(4000);
            indicator.Property(i => i.Source).HasMaxLength(300);
            indicator.OwnsOne(i => i.BaselinePeriod, timing =>
            {
                AppDbContext.ConfigureTiming(timing);
                timing.Property(t => t.Precision).HasColumnName("BaselinePrecision");
                timing.Property(t => t.Year).HasColumnName("BaselineYear");
                timing.Property(t => t.Period).HasColumnName("BaselinePeriod");
                timing.Property(t => t.Date).HasColumnName("BaselineDate");
                timing.Property(t => t.StartTime).HasColumnName("BaselineStartTime");
                timing.Property(t => t.EndTime).HasColumnName("BaselineEndTime");
                timing.Property(t => t.Start).HasColumnName("BaselineStart");
                timing.Property(t => t.End).HasColumnName("BaselineEnd");
            });
            indicator.HasOne(i => i.Strategy).WithMany().HasForeignKey(i => i.StrategyId).OnDelete(DeleteBehavior.Cascade);
            indicator.HasOne(i => i.Owner).WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.SetNull);
            indicator.HasMany(i => i.FocusAreas).WithMany().UsingEntity("IndicatorFocusAreas");
            indicator.HasMany(i => i.Categories).WithOne().HasForeignKey(c => c.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            indicator.HasMany(i => i.Targets).WithOne().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            indicator.HasMany(i => i.Measurements).WithOne(m => m.Indicator).HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            indicator.HasIndex(i => new { i.StrategyId, i.SortOrder });
            indicator.HasIndex(i => i.OwnerId);
            indicator.Ignore(i => i.HasCategories);
        });

        builder.Entity<IndicatorCategory>(category =>
        {
            category.Property(c => c.Name).HasMaxLength(200);
            category.HasIndex(c => new { c.IndicatorId, c.SortOrder });
        });

        builder.Entity<IndicatorTarget>(target =>
        {
            target.Property(t => t.Reasoning).HasMaxLength(2000);
            target.HasIndex(t => new { t.IndicatorId, t.Year }).IsUnique();
            target.Ignore(t => t.IsBand);
        });

        builder.Entity<IndicatorMeasurement>(measurement =>
        {
            measurement.OwnsOne(m => m.Period, AppDbContext.ConfigureTiming);
            measurement.Property(m => m.PeriodKey).HasMaxLength(10);
            measurement.HasIndex(m => new { m.IndicatorId, m.PeriodKey }).IsUnique();
            measurement.Property(m => m.Comment).HasMaxLength(1000);
            measurement.Property(m => m.EnteredByName).HasMaxLength(200);
            measurement.Property(m => m.UpdatedByName).HasMaxLength(200);
            measurement.HasMany(m => m.Values).WithOne().HasForeignKey(v => v.MeasurementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<IndicatorValue>(value =>
        {
            value.HasOne(v => v.Category).WithMany().HasForeignKey(v => v.CategoryId).OnDelete(DeleteBehavior.Cascade);
            value.HasIndex(v => new { v.MeasurementId, v.CategoryId }).IsUnique();
        });

        builder.Entity<MeasurementRevision>(revision =>
        {
            revision.OwnsOne(r => r.Period, AppDbContext.ConfigureTiming);
            revision.Property(r => r.Details).HasMaxLength(4000);
            revision.Property(r => r.Comment).HasMaxLength(1000);
            revision.Property(r => r.ChangedByName).HasMaxLength(200);
            revision.HasIndex(r => new { r.IndicatorId, r.ChangedAtUtc });
            revision.HasOne<Indicator>().WithMany().HasForeignKey(r => r.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<IndicatorImportDraft>(draft =>
        {
            draft.Property(d => d.UserId).HasMaxLength(450);
            draft.Property(d => d.FileName).HasMaxLength(300);
            draft.HasIndex(d => d.CreatedAtUtc);
            draft.HasOne<Indicator>().WithMany().HasForeignKey(d => d.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
