using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Sourcing.ServiceDefaults.Email;

/// <summary>Registers the SMTP options (validated at start-up) and the background dispatcher of a DbContext's e-mail outbox.</summary>
public static class EmailOutboxHostingExtensions
{
    public static WebApplicationBuilder AddEmailOutbox<TContext>(this WebApplicationBuilder builder)
        where TContext : DbContext, IEmailOutboxDbContext
    {
        builder.Services.AddOptions<SmtpOptions>()
            .Bind(builder.Configuration.GetSection(SmtpOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Host), "Smtp:Host is required.")
            .Validate(o => o.Port is > 0 and <= 65535, "Smtp:Port must be between 1 and 65535.")
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "Smtp:From must be an e-mail address.")
            .Validate(o => o.BatchSize > 0 && o.MaxAttempts > 0, "Smtp:BatchSize and Smtp:MaxAttempts must be positive.")
            .Validate(o => o.Concurrency is > 0 and <= 64, "Smtp:Concurrency must be between 1 and 64.")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.RetryDelay > TimeSpan.Zero, "Smtp:PollInterval and Smtp:RetryDelay must be positive.")
            .ValidateOnStart();
        builder.Services.AddHostedService<EmailDispatcher<TContext>>();
        return builder;
    }
}
