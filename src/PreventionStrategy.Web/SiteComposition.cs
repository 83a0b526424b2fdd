using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Backups;
using PreventionStrategy.Web.Features.Health;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.Stakeholders;
using PreventionStrategy.Web.Features.Demo;
using PreventionStrategy.Web.Features.Metrics;
using PreventionStrategy.Web.Features.Digest;
using PreventionStrategy.Web.Features.Email;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Identity.Account;
using PreventionStrategy.Web.Features.Identity.Sessions;
using Microsoft.AspNetCore.Authentication.Cookies;
using PreventionStrategy.Web.Features.Identity.TwoFactor;
using PreventionStrategy.Web.Features.Identity.Users;
using PreventionStrategy.Web.Features.Jobs;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.PageCache;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Features.Localization;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Shared;
using PreventionStrategy.Web.Features.Plans.Transfer;
using PreventionStrategy.Web.Features.Security;
using System.Security.Claims;

namespace PreventionStrategy.Web;

/// <summary>How the site is put together; Program.cs only calls these two methods.</summary>
public static class SiteComposition
{
    public static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static void AddPreventionStrategy(this WebApplicationBuilder builder)
    {
        SiteFolder.RequireSettings(builder.Environment);
        var services = builder.Services;
        var configuration = builder.Configuration;

        // No "Server: Kestrel": nothing tells a scanner which version to try.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MilestoneOptions>().Bind(configuration.GetSection(MilestoneOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BriefingOptions>().Bind(configuration.GetSection(BriefingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PageCacheOptions>().Bind(configuration.GetSection(PageCacheOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BootstrapAdminOptions>().Bind(configuration.GetSection(BootstrapAdminOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set.");
        // Pooled: creating a context and its connection per request costs more than the queries themselves.
        // The audit interceptor is a singleton: the pool builds the options once.
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditInterceptor>();
        var busyTimeoutSeconds = configuration.GetValue(DatabaseOptions.Section + ":" + nameof(DatabaseOptions.BusyTimeoutSeconds), DatabaseOptions.DefaultBusyTimeoutSeconds);
        var provider = DatabaseProvider.From(configuration);
        services.AddDbContextPool<AppDbContext>((sp, options) => options
            .Use(provider, connectionString, busyTimeoutSeconds)
            .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));

        // Keys in the site's database, not in a folder of one machine: cookies, invitation and opt-out
        // links outlive a restart and a move, and several servers read each other's.
        var keys = services.AddDataProtection()
            .SetApplicationName("PreventionStrategy")
            .PersistKeysToDbContext<AppDbContext>();
        KeyProtectionOptions.Apply(keys, configuration, builder.Environment.ContentRootPath);

        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // The sixth wrong password in a row locks the account (the window: SecurityOptions.LockoutMinutes).
                options.Lockout.MaxFailedAccessAttempts = 6;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<SiteClaims>();

        services.AddOptions<IdentityOptions>().Configure<IOptions<SecurityOptions>>((identity, security) =>
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.Value.LockoutMinutes));

        // Invitation links must outlive a weekend.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(7));
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SecurityOptions>>((stamp, security) =>
            stamp.ValidationInterval = TimeSpan.FromMinutes(security.Value.SessionCheckMinutes));

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Identity/Account/Login";
            options.LogoutPath = "/Identity/Account/Logout";
            options.AccessDeniedPath = "/Identity/Account/AccessDenied";
            options.Cookie.Name = "PreventionStrategy.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);

            // A signed-in user without the right role gets a real 403 (rendered by the status page), not a redirect,
            // and the refusal goes into the audit trail.
            options.Events.OnRedirectToAccessDenied = async context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                var user = context.HttpContext.User;
                await context.HttpContext.RequestServices.GetRequiredService<SecurityEvents>().RecordAsync(
                    AuditAction.Forbidden,
                    user.FindFirstValue(ClaimTypes.NameIdentifier),
                    user.Identity?.Name,
                    SecurityEvents.Fact("Page", $"{context.Request.Method} {context.Request.Path}"));
            };
        });

        // Sessions on the server: the cookie holds only a session id (Identity/Sessions).
        services.AddSingleton<SignInSessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SignInSessionStore>((cookie, store) => cookie.SessionStore = store);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Reader, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(Policies.Administrator, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Administrator))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.All).Build());

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Danish);
            options.SupportedCultures = [Danish, English];
            options.SupportedUICultures = [Danish, English];

            // Danish first, whatever the browser says: English only when someone asks for it.
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddRazorPages(options => options.RootDirectory = "/Features")
            .AddMvcOptions(options => options.Filters.Add<StorageFaultForms>())
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            // The site has no controllers. MVC would otherwise load every type of the site at start to look for
            // them, and with those types the libraries they derive from (the charts' ScottPlot and SkiaSharp).
            .ConfigureApplicationPartManager(parts => parts.FeatureProviders.Remove(parts.FeatureProviders.OfType<ControllerFeatureProvider>().Single()));
        // Danish letters as themselves in the HTML, not as &#xE6; entities.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<ITempDataProvider>(sp => new BoundedTempData(ActivatorUtilities.CreateInstance<CookieTempDataProvider>(sp), sp.GetRequiredService<IOptions<CookieTempDataProviderOptions>>()));
        services.AddAntiforgery(options => options.Cookie.Name = "PreventionStrategy.Antiforgery");

        // Every cookie the site sets (sign-in, antiforgery, language, messages) is HttpOnly, SameSite=Lax, and Secure over HTTPS.
        services.AddOptions<CookiePolicyOptions>().Configure<IOptions<SecurityOptions>>((cookies, security) =>
        {
            cookies.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
            cookies.MinimumSameSitePolicy = SameSiteMode.Lax;
            cookies.Secure = security.Value.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddSignInRateLimit();
        services.AddReverseProxy(configuration);
        services.AddMemoryCache();
        services.AddPageCache();
        services.AddScoped<SecurityEvents>();
        services.AddSingleton<UnknownAccountFailures>();

        services.AddSingleton(sp => new DatabaseFiles(provider == DatabaseProvider.PostgreSql ? null : connectionString, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.MinimumFreeMegabytes * 1024L * 1024L));
        services.AddHostedService<DatabaseFileWatch>();
        // One database check, not also EF's AddDbContextCheck: checks run side by side, and one that touched the database
        // while the WAL index is truncated would end the process before the files check could answer.
        services.AddHealthEndpoints();
        services.AddSiteMetrics(configuration);

        var clock = DemoClock.For(configuration);
        services.AddSingleton(clock);
        if (clock is DemoClock)
        {
            // The demo's day is the site's; a cookie's expiry is the browser's, in real time.
            services.PostConfigureAll<CookieAuthenticationOptions>(cookies => cookies.TimeProvider = TimeProvider.System);
            services.PostConfigure<SecurityStampValidatorOptions>(stamps => stamps.TimeProvider = TimeProvider.System);
        }

        services.AddScoped<MailTransport>();
        services.AddScoped<PlanExporter>();
        services.AddScoped<PlanImporter>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoExamples>();
        services.AddScoped<BootstrapAdministrator>();
        services.AddScoped<Display>();
        services.AddScoped<MilestoneEditor>();
        services.AddScoped<StatusUpdater>();
        services.AddScoped<MilestoneExport>();
        services.AddSingleton<IAuthorizationHandler, MilestoneAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, IndicatorAuthorizationHandler>();
        services.AddScoped<IndicatorEditor>();
        services.AddScoped<IndicatorFormat>();
        services.AddScoped<MeasurementGrid>();
        services.AddScoped<MeasurementRecorder>();
        services.AddScoped<IndicatorImportPlanner>();
        services.AddScoped<StakeholderEditor>();
        services.AddScoped<BudgetEditor>();
        services.AddScoped<CommitteeEditor>();
        services.AddScoped<UserForm>();
        services.AddScoped<UserInvitations>();
        services.AddScoped<AccountMessages>();
        services.AddSingleton<TwoFactorRequirement>();
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();

        services.AddScoped<DeliveryQueue>();
        services.AddScoped<DeliveryComposer>();
        services.AddScoped<DeliverySender>();
        services.AddSingleton<ClaimHolders>();
        services.AddScoped<DatabaseBackup>();
        services.AddScoped<BackupJob>();
        services.AddScoped<EventMessages>();
        services.AddScoped<EventCancellations>();
        services.AddScoped<UpdateRequestMessages>();
        services.AddScoped<ReminderPlanner>();
        services.AddScoped<UpdateRequestPlanner>();
        services.AddScoped<IndicatorRequestPlanner>();
        services.AddScoped<IndicatorRequestMessages>();
        services.AddScoped<ReminderJob>();
        services.AddScoped<OptOuts>();
        services.AddScoped<MailPreferences>();
        services.AddScoped<DigestPlanner>();
        services.AddScoped<Features.Sharing.ShareLinks>();
        services.AddScoped<DigestMessages>();
        services.AddScoped<BriefingModelBuilder>();
        services.AddScoped<BriefingEffectBuilder>();
        services.AddScoped<BriefingArchive>();
        services.AddScoped<BriefingCommitteeCycle>();
        services.AddScoped<Features.CommitteeCycle.SnapshotBuilder>();
        services.AddScoped<Features.CommitteeCycle.DecisionRecorder>();
        services.AddScoped<BriefingPlanner>();
        services.AddScoped<BriefingMessages>();
        services.AddSingleton<OptOutLinks>();
        services.AddBackgroundJobs(configuration);
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await DatabaseSetup.PrepareAsync(services.GetRequiredService<AppDbContext>());
        }

        // Always, also when migrations are run by hand: without its triggers the page cache could serve old pages.
        await ContentVersionTriggers.EnsureAsync(services.GetRequiredService<AppDbContext>());

        await RoleSetup.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        await services.GetRequiredService<BootstrapAdministrator>().EnsureAsync();
        if (services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            await services.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }

    public static void UsePreventionStrategy(this WebApplication app)
    {
        // AllowedHosts, where the default builder would put it (Program uses the slim one).
        app.UseHostFiltering();

        // Then: everything after it (HTTPS redirect, cookies, rate limit, audit) sees the client's address and scheme.
        app.UseReverseProxy();
        app.UseSecurityHeaders(BackgroundJobs.DashboardPath);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseMiddleware<DatabaseBusy>();
        app.UseCookiePolicy();
        app.UseRequestLocalization();
        app.MapSiteMetrics();
        app.UseStaticFiles(StaticAssetCaching.Options);
        app.UseRouting();
        app.UseMiddleware<RequestTooLarge>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        // After authorization, so a page's [AllowAnonymous] and the user's roles are known.
        app.UseMiddleware<TwoFactorRequirementMiddleware>();

        // The cache keeps what compression wrote, so a page is drawn and compressed once per change, not per request.
        app.UseOutputCache();
        app.UseResponseCompression();

        app.MapHealthEndpoints();
        app.MapRazorPages();
        app.UseBackgroundJobs();
    }
}
