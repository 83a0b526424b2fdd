using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Calendar;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.FocusAreas;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Indicators;

using PreventionStrategy.Web.Features.Identity.Account;
using PreventionStrategy.Web.Features.Identity.Sessions;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Features.PageCache;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Stakeholders;

namespace PreventionStrategy.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Strategy> Strategies => Set<Strategy>();

    public DbSet<StrategyKeyDate> StrategyKeyDates => Set<StrategyKeyDate>();

    public DbSet<FocusArea> FocusAreas => Set<FocusArea>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<MilestoneStakeholder> MilestoneStakeholders => Set<MilestoneStakeholder>();

    public DbSet<MilestoneTask> MilestoneTasks => Set<MilestoneTask>();

    public DbSet<MilestoneStatusUpdate> MilestoneStatusUpdates => Set<MilestoneStatusUpdate>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Stakeholder> Stakeholders => Set<Stakeholder>();

    public DbSet<BudgetInitiative> BudgetInitiatives => Set<BudgetInitiative>();

    public DbSet<BudgetAmount> BudgetAmounts => Set<BudgetAmount>();

    public DbSet<Committee> Committees => Set<Committee>();

    public DbSet<CommitteeMeeting> CommitteeMeetings => Set<CommitteeMeeting>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<ReminderOptOut> ReminderOptOuts => Set<ReminderOptOut>();

    public DbSet<MailPreference> MailPreferences => Set<MailPreference>();

    public DbSet<Features.Sharing.StrategyShare> StrategyShares => Set<Features.Sharing.StrategyShare>();

    public DbSet<SentInvitation> SentInvitations => Set<SentInvitation>();

    public DbSet<CommitteeBriefing> CommitteeBriefings => Set<CommitteeBriefing>();

    public DbSet<Features.CommitteeCycle.CommitteeDecision> CommitteeDecisions => Set<Features.CommitteeCycle.CommitteeDecision>();

    public DbSet<Features.CommitteeCycle.StrategySnapshot> StrategySnapshots => Set<Features.CommitteeCycle.StrategySnapshot>();

    /// <summary>The site's Data Protection keys: sign-in cookies and opt-out links survive a restart and work on every server.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<IndicatorCategory> IndicatorCategories => Set<IndicatorCategory>();

    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();

    public DbSet<IndicatorMeasurement> IndicatorMeasurements => Set<IndicatorMeasurement>();

    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();

    public DbSet<MeasurementRevision> MeasurementRevisions => Set<MeasurementRevision>();

    public DbSet<IndicatorImportDraft> IndicatorImportDrafts => Set<IndicatorImportDraft>();

    /// <summary>Signed-in browsers; the sign-in cookie holds only a row's id (Identity/Sessions).</summary>
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();

    public DbSet<FirstRunClaim> FirstRunClaims => Set<FirstRunClaim>();

    /// <summary>The single row the page cache compares with (PageCache/ContentVersion).</summary>
    public DbSet<ContentVersion> ContentVersions => Set<ContentVersion>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Set only by the design-time factory while EF Core's tools write the compiled models: their generator refuses
    /// query filters, which the compiled models get back from <see cref="ArchivedMilestoneFilters"/>.
    /// </summary>
    internal static bool OmitQueryFilters { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as their names: readable in the database and in exports, and the same on PostgreSQL.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);

        // Indicator values as floating point: SQLite keeps decimals as text, which cannot be compared or
        // summed in SQL. Fifteen significant digits hold any count, kroner amount or share the site keeps.
        configurationBuilder.Properties<decimal>().HaveConversion<double>();

        // PostgreSQL keeps every instant as timestamptz and Npgsql refuses to guess what a DateTime without a
        // kind means. The site's instants are all UTC (the names say so), but those read back from SQLite (the
        // data move) or made with DateTime.SpecifyKind carry no kind: they are stated to be UTC on the way in.
        if (Database.IsPostgreSql())
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.FullName).HasMaxLength(200);
            user.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<Strategy>(strategy =>
        {
            strategy.Property(s => s.Name).HasMaxLength(200);
            strategy.Property(s => s.Municipality).HasMaxLength(200);
            strategy.Property(s => s.Division).HasMaxLength(200);
            strategy.Property(s => s.Purpose).HasMaxLength(4000);
            strategy.HasOne(s => s.Committee).WithMany().HasForeignKey(s => s.CommitteeId).OnDelete(DeleteBehavior.SetNull);
            strategy.HasMany(s => s.KeyDates).WithOne().HasForeignKey(k => k.StrategyId).OnDelete(DeleteBehavior.Cascade);
            strategy.HasMany(s => s.FocusAreas).WithOne(f => f.Strategy).HasForeignKey(f => f.StrategyId).OnDelete(DeleteBehavior.Cascade);
            strategy.HasMany(s => s.Milestones).WithOne(m => m.Strategy).HasForeignKey(m => m.StrategyId).OnDelete(DeleteBehavior.Cascade);
            strategy.HasMany(s => s.BudgetInitiatives).WithOne(b => b.Strategy).HasForeignKey(b => b.StrategyId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<StrategyKeyDate>(keyDate =>
        {
            keyDate.Property(k => k.Label).HasMaxLength(300);
            keyDate.OwnsOne(k => k.Timing, ConfigureTiming);
        });

        builder.Entity<FocusArea>(focusArea =>
        {
            focusArea.Property(f => f.Title).HasMaxLength(200);
            focusArea.Property(f => f.Description).HasMaxLength(4000);
            focusArea.Property(f => f.Aims).HasMaxLength(4000);
            focusArea.Property(f => f.StatusOverrideJustification).HasMaxLength(1000);
            focusArea.Property(f => f.StatusOverrideByName).HasMaxLength(200);
            focusArea.HasIndex(f => new { f.StrategyId, f.SortOrder });
        });

        builder.Entity<Milestone>(milestone =>
        {
            milestone.Property(m => m.Title).HasMaxLength(200);
            milestone.Property(m => m.Description).HasMaxLength(4000);
            milestone.Property(m => m.Location).HasMaxLength(200);
            milestone.Property(m => m.PreconditionNote).HasMaxLength(500);
            milestone.OwnsOne(m => m.Timing, ConfigureTiming);
            milestone.HasOne(m => m.Owner).WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.SetNull);
            milestone.HasOne(m => m.Precondition).WithMany().HasForeignKey(m => m.PreconditionId).OnDelete(DeleteBehavior.SetNull);
            milestone.HasMany(m => m.FocusAreas).WithMany().UsingEntity("MilestoneFocusAreas");
            milestone.HasMany(m => m.Stakeholders).WithOne().HasForeignKey(s => s.MilestoneId).OnDelete(DeleteBehavior.Cascade);
            milestone.HasMany(m => m.Tasks).WithOne(t => t.Milestone).HasForeignKey(t => t.MilestoneId).OnDelete(DeleteBehavior.Cascade);
            milestone.HasMany(m => m.StatusUpdates).WithOne(u => u.Milestone).HasForeignKey(u => u.MilestoneId).OnDelete(DeleteBehavior.Cascade);
            milestone.HasIndex(m => new { m.StrategyId, m.Status });
            milestone.HasIndex(m => m.OwnerId);
            milestone.Ignore(m => m.ExpectedBy);
            milestone.Ignore(m => m.IsOpen);
            milestone.Ignore(m => m.EventDetails);
            milestone.Property(m => m.ReminderDaysBefore).HasMaxLength(50);
        });

        builder.Entity<MilestoneStakeholder>(link =>
        {
            link.HasKey(l => new { l.MilestoneId, l.StakeholderId });
            link.HasOne(l => l.Stakeholder).WithMany().HasForeignKey(l => l.StakeholderId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MilestoneTask>(task =>
        {
            task.Property(t => t.Title).HasMaxLength(200);
            task.HasOne(t => t.Owner).WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<MilestoneStatusUpdate>(update =>
        {
            update.Property(u => u.UpdatedByName).HasMaxLength(200);
            update.Property(u => u.Comment).HasMaxLength(2000);
            update.Property(u => u.Reason).HasMaxLength(2000);
            update.Property(u => u.ConsequenceForPlan).HasMaxLength(2000);
            update.Property(u => u.ConsequenceForFamilies).HasMaxLength(2000);
            update.Property(u => u.NextStep).HasMaxLength(2000);
            update.Ignore(u => u.HasExplanation);
            update.HasOne(u => u.UpdatedBy).WithMany().HasForeignKey(u => u.UpdatedById).OnDelete(DeleteBehavior.SetNull);
            update.HasIndex(u => new { u.MilestoneId, u.UpdatedAtUtc });
            update.HasIndex(u => u.UpdatedAtUtc);
        });

        builder.Entity<AuditEntry>(entry =>
        {
            entry.Property(e => e.UserId).HasMaxLength(450);
            entry.Property(e => e.UserName).HasMaxLength(256);
            entry.Property(e => e.EntityType).HasMaxLength(100);
            entry.Property(e => e.EntityId).HasMaxLength(100);
            entry.Property(e => e.Label).HasMaxLength(300);
            entry.Property(e => e.IpAddress).HasMaxLength(45);
            entry.HasIndex(e => e.AtUtc);
            entry.HasIndex(e => new { e.EntityType, e.EntityId });
        });

        builder.Entity<Stakeholder>(stakeholder =>
        {
            stakeholder.Property(s => s.Name).HasMaxLength(200);
            stakeholder.Property(s => s.Title).HasMaxLength(200);
            stakeholder.Property(s => s.Email).HasMaxLength(256);
            stakeholder.Property(s => s.Description).HasMaxLength(1000);
            stakeholder.HasOne(s => s.Unit).WithMany(u => u.Members).HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
            stakeholder.HasIndex(s => s.Name);
        });

        builder.Entity<BudgetInitiative>(initiative =>
        {
            initiative.Property(b => b.BudgetSketch).HasMaxLength(200);
            initiative.Property(b => b.Title).HasMaxLength(200);
            initiative.Property(b => b.Description).HasMaxLength(4000);
            initiative.Property(b => b.DecisionNote).HasMaxLength(1000);
            initiative.HasMany(b => b.Amounts).WithOne().HasForeignKey(a => a.BudgetInitiativeId).OnDelete(DeleteBehavior.Cascade);
            initiative.HasMany(b => b.FocusAreas).WithMany().UsingEntity("BudgetInitiativeFocusAreas");
            initiative.HasMany(b => b.Milestones).WithMany().UsingEntity("BudgetInitiativeMilestones");
        });

        builder.Entity<BudgetAmount>().HasIndex(a => new { a.BudgetInitiativeId, a.Year }).IsUnique();

        builder.Entity<Committee>(committee =>
        {
            committee.Property(c => c.Name).HasMaxLength(200);
            committee.Property(c => c.Municipality).HasMaxLength(200);
            committee.Property(c => c.Description).HasMaxLength(1000);
            committee.HasMany(c => c.Members).WithMany().UsingEntity("CommitteeMembers");
            committee.HasMany(c => c.Meetings).WithOne(m => m.Committee).HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CommitteeMeeting>(meeting =>
        {
            meeting.Property(m => m.Location).HasMaxLength(200);
            meeting.Property(m => m.Notes).HasMaxLength(1000);
            meeting.HasIndex(m => m.MeetingDate);
        });

        builder.Entity<Delivery>(delivery =>
        {
            delivery.Property(d => d.Key).HasMaxLength(400);
            delivery.Property(d => d.RecipientEmail).HasMaxLength(256);
            delivery.Property(d => d.RecipientName).HasMaxLength(200);
            delivery.Property(d => d.Subject).HasMaxLength(300);
            delivery.Property(d => d.LastError).HasMaxLength(1000);
            delivery.Property(d => d.UserId).HasMaxLength(450);
            delivery.Property(d => d.ClaimedBy).HasMaxLength(200);
            delivery.HasIndex(d => d.Key).IsUnique();
            delivery.HasIndex(d => new { d.State, d.NextAttemptAtUtc });
            delivery.HasIndex(d => d.MilestoneId);
            delivery.HasIndex(d => d.CreatedAtUtc);
        });

        builder.Entity<CommitteeBriefing>(briefing =>
        {
            briefing.Property(b => b.Title).HasMaxLength(300);
            briefing.Property(b => b.FileName).HasMaxLength(300);
            briefing.Property(b => b.Sha256).HasMaxLength(64);
            briefing.Property(b => b.IssuedById).HasMaxLength(450);
            briefing.Property(b => b.IssuedByName).HasMaxLength(200);
            briefing.Property(b => b.Statement).HasMaxLength(4000);
            briefing.Property(b => b.AutomaticKey).HasMaxLength(100);
            briefing.Property(b => b.ModelJson).HasMaxLength(4_000_000);
            briefing.HasIndex(b => new { b.StrategyId, b.CommitteeMeetingId, b.Version }).IsUnique();
            briefing.HasIndex(b => b.AutomaticKey).IsUnique();
            briefing.HasOne<Strategy>().WithMany().HasForeignKey(b => b.StrategyId).OnDelete(DeleteBehavior.Cascade);
            briefing.HasOne<CommitteeMeeting>().WithMany().HasForeignKey(b => b.CommitteeMeetingId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<Features.CommitteeCycle.CommitteeDecision>(decision =>
        {
            decision.Property(d => d.Question).HasMaxLength(Features.CommitteeCycle.DecisionLimits.QuestionLength);
            decision.Property(d => d.AnswerNote).HasMaxLength(2000);
            decision.Property(d => d.AskedById).HasMaxLength(450);
            decision.Property(d => d.AskedByName).HasMaxLength(200);
            decision.Property(d => d.AnsweredById).HasMaxLength(450);
            decision.Property(d => d.AnsweredByName).HasMaxLength(200);
            decision.HasOne(d => d.Milestone).WithMany().HasForeignKey(d => d.MilestoneId).OnDelete(DeleteBehavior.Cascade);
            decision.HasOne(d => d.CommitteeMeeting).WithMany().HasForeignKey(d => d.CommitteeMeetingId).OnDelete(DeleteBehavior.SetNull);
            decision.HasIndex(d => new { d.Answer, d.AnsweredAtUtc });
        });

        builder.Entity<Features.CommitteeCycle.StrategySnapshot>(snapshot =>
        {
            snapshot.HasIndex(s => new { s.StrategyId, s.CommitteeMeetingId }).IsUnique();
            snapshot.HasOne<Strategy>().WithMany().HasForeignKey(s => s.StrategyId).OnDelete(DeleteBehavior.Cascade);
            snapshot.HasOne<CommitteeMeeting>().WithMany().HasForeignKey(s => s.CommitteeMeetingId).OnDelete(DeleteBehavior.SetNull);
            snapshot.HasOne(s => s.CommitteeBriefing).WithMany().HasForeignKey(s => s.CommitteeBriefingId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<ReminderOptOut>(optOut =>
        {
            optOut.Property(o => o.Email).HasMaxLength(256);
            optOut.HasIndex(o => o.Email).IsUnique();
        });

        builder.Entity<MailPreference>(preference =>
        {
            preference.Property(p => p.Email).HasMaxLength(256);
            preference.HasIndex(p => new { p.Email, p.List }).IsUnique();
        });

        builder.Entity<Features.Sharing.StrategyShare>(share =>
        {
            share.Property(s => s.TokenHash).HasMaxLength(64);
            share.Property(s => s.Label).HasMaxLength(100);
            share.Property(s => s.CreatedById).HasMaxLength(450);
            share.HasIndex(s => s.TokenHash).IsUnique();
            share.HasIndex(s => s.StrategyId);
            share.HasOne(s => s.Strategy).WithMany().HasForeignKey(s => s.StrategyId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SentInvitation>(held =>
        {
            held.Property(h => h.Email).HasMaxLength(256);
            held.Property(h => h.RecipientName).HasMaxLength(200);
            held.Property(h => h.Title).HasMaxLength(300);
            held.Property(h => h.Location).HasMaxLength(300);
            held.Property(h => h.OrganizerEmail).HasMaxLength(256);
            held.Property(h => h.OrganizerName).HasMaxLength(200);
            held.Ignore(h => h.EventDetails);
            held.HasIndex(h => new { h.MilestoneId, h.Email }).IsUnique();
            held.HasIndex(h => new { h.Cancelled, h.Date });
        });

        builder.Entity<CalendarFeedToken>(token =>
        {
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.HasIndex(t => t.TokenHash).IsUnique();

            // One working address per user and per strategy: regenerating replaces it.
            token.HasIndex(t => t.UserId).IsUnique();
            token.HasIndex(t => t.StrategyId).IsUnique();
            token.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            token.HasOne(t => t.Strategy).WithMany().HasForeignKey(t => t.StrategyId).OnDelete(DeleteBehavior.Cascade);
            token.ToTable(t => t.HasCheckConstraint("CK_CalendarFeedTokens_Owner", "(\"UserId\" IS NULL) <> (\"StrategyId\" IS NULL)"));
        });

        IndicatorModel.Configure(builder);

        builder.Entity<SignInSession>(session =>
        {
            session.Property(s => s.Id).HasMaxLength(64);
            session.HasIndex(s => s.UserId);
            session.HasIndex(s => s.ExpiresAtUtc);
            session.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<FirstRunClaim>(claim =>
        {
            claim.Property(c => c.Id).ValueGeneratedNever();
            claim.ToTable(t => t.HasCheckConstraint("CK_FirstRunClaims_Only", $"\"Id\" = {FirstRunClaim.OnlyId}"));
        });

        builder.Entity<ContentVersion>(version =>
        {
            version.Property(v => v.Id).ValueGeneratedNever();
            version.ToTable(t => t.HasCheckConstraint("CK_ContentVersions_Only", $"\"Id\" = {ContentVersion.SingleRowId}"));
            version.HasData(new ContentVersion { Id = ContentVersion.SingleRowId, Value = 0 });
        });

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
        }

        // Archived milestones (those with status history are archived, not deleted) are hidden everywhere, with what
        // hangs on them; the archive page ignores the filters.
        if (!OmitQueryFilters)
        {
            ArchivedMilestoneFilters.ApplyTo(builder);
        }
    }

    internal static void ConfigureTiming<TOwner>(OwnedNavigationBuilder<TOwner, PlannedTiming> timing)
        where TOwner : class
    {
        timing.Property(t => t.Precision).HasColumnName("TimingPrecision");
        timing.Property(t => t.Year).HasColumnName("TimingYear");
        timing.Property(t => t.Period).HasColumnName("TimingPeriod");
        timing.Property(t => t.Date).HasColumnName("TimingDate");
        timing.Property(t => t.StartTime).HasColumnName("TimingStartTime");
        timing.Property(t => t.EndTime).HasColumnName("TimingEndTime");
        timing.Property(t => t.Start).HasColumnName("PeriodStart");
        timing.Property(t => t.End).HasColumnName("PeriodEnd");
        timing.HasIndex(t => t.Start);
    }

    private void BumpVersions()
    {
        // An issued briefing is a record of what the committee received: it may be added, never changed.
        if (ChangeTracker.Entries<CommitteeBriefing>().Any(e => e.State == EntityState.Modified))
        {
            throw new InvalidOperationException("An issued committee briefing cannot be changed; issue a new version instead.");
        }

        // A snapshot is what the committee saw: kept as frozen as the briefing it came with.
        if (ChangeTracker.Entries<Features.CommitteeCycle.StrategySnapshot>().Any(e => e.State == EntityState.Modified))
        {
            throw new InvalidOperationException("A strategy snapshot cannot be changed.");
        }

        foreach (var entry in ChangeTracker.Entries<Entity>())
        {
            if (entry.State is EntityState.Added)
            {
                entry.Entity.Version = 1;
            }
            else if (entry.State is EntityState.Modified)
            {
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }
}
