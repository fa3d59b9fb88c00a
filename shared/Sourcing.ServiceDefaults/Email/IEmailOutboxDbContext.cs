using Microsoft.EntityFrameworkCore;

namespace Sourcing.ServiceDefaults.Email;

/// <summary>A DbContext that holds an e-mail outbox (its OnModelCreating calls <c>modelBuilder.AddEmailOutbox()</c>).</summary>
public interface IEmailOutboxDbContext
{
    DbSet<OutgoingEmail> OutgoingEmails { get; }
}
