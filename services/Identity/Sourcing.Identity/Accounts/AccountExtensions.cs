using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Sourcing.Identity.Data;

namespace Sourcing.Identity.Accounts;

/// <summary>ASP.NET Core Identity: password rules, lockout, the login cookie and its data-protection keys.</summary>
public static class AccountExtensions
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentity<ApplicationUser, IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // The user name is the e-mail address, whatever characters it has.
                options.User.AllowedUserNameCharacters = "";
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                // Makes SignInManager.CanSignInAsync ask EnabledAccountConfirmation: a disabled account cannot sign in or refresh.
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddDefaultTokenProviders();
        builder.Services.AddScoped<IUserConfirmation<ApplicationUser>, EnabledAccountConfirmation>();
        builder.Services.AddAuthorization();
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "sourcing.identity";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/login";
            cookie.ReturnUrlParameter = "ReturnUrl";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });

        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("sourcing-identity");
        if (builder.Configuration["DataProtection:KeysDirectory"] is { Length: > 0 } keys)
        {
            // Shared by every instance, so a cookie or reset link made by one is read by another.
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keys, builder.Environment.ContentRootPath)));
        }

        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sourcing.antiforgery";
            o.FormFieldName = "__RequestVerificationToken";
        });
        return builder;
    }
}
