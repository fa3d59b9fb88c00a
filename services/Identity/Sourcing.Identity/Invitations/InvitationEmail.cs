using Sourcing.Contracts;
using static Sourcing.Identity.Pages.HtmlPage;

namespace Sourcing.Identity.Invitations;

/// <summary>The invitation e-mail, in HTML and plain text.</summary>
public static class InvitationEmail
{
    public static (string Subject, string Html, string Text) Compose(MemberInvited invited, Uri link)
    {
        var subject = $"{invited.InvitedByName} invited you to {invited.TenantName} on Sourcing";
        var expires = invited.ExpiresAt.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        var html = $"""
            <p>Hello,</p>
            <p>{Encode(invited.InvitedByName)} invited you to join <strong>{Encode(invited.TenantName)}</strong> on Sourcing as {Encode(invited.Role)}.</p>
            <p><a href="{Encode(link.AbsoluteUri)}">Accept the invitation</a></p>
            <p>The link works once, until {Encode(expires)}. If you did not expect this invitation, ignore this e-mail.</p>
            """;
        var text = $"""
            Hello,

            {invited.InvitedByName} invited you to join {invited.TenantName} on Sourcing as {invited.Role}.

            Accept the invitation: {link.AbsoluteUri}

            The link works once, until {expires}. If you did not expect this invitation, ignore this e-mail.
            """;
        return (subject, html, text);
    }
}
