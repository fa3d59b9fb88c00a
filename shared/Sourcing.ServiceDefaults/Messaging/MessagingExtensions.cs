using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sourcing.ServiceDefaults.Auth;

namespace Sourcing.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ (publisher confirms, short in-memory retries, then the error queue),
    /// queues named after the service, and the outbox dispatcher of <typeparamref name="TContext"/>.
    /// The service starts even while the broker is down; the bus connects when it returns.
    /// </summary>
    public static WebApplicationBuilder AddMessaging<TContext>(
        this WebApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? configure = null)
        where TContext : DbContext, IOutboxDbContext
    {
        builder.Services.AddOptions<RabbitMqOptions>()
            .Bind(builder.Configuration.GetSection(RabbitMqOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Host) && o.Port > 0, "RabbitMq:Host and RabbitMq:Port are required.")
            .ValidateOnStart();

        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();
        var feedsRevocations = builder.Services.Any(d => d.ServiceType == typeof(TokenRevocations));
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            configure?.Invoke(bus);
            if (feedsRevocations)
            {
                // Every instance of an API keeps its own revocation list: a queue per instance, deleted when it stops.
                bus.AddConsumer<TokenRevocationConsumer>().Endpoint(endpoint =>
                {
                    endpoint.Temporary = true;
                    endpoint.InstanceId = Guid.NewGuid().ToString("N")[..12];
                });
            }
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                rabbit.Host(options.Host, options.Port, options.VirtualHost, host =>
                {
                    host.Username(options.Username);
                    host.Password(options.Password);
                    host.PublisherConfirmation = true;
                });
                rabbit.UseMessageRetry(retry => retry.Intervals(200, 1000, 3000));
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = false);
        return builder;
    }
}
