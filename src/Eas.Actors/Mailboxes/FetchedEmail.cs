using Eas.Actors.Sync.Email;

namespace Eas.Actors.Mailboxes;

/// <summary>How much of each message a fetch brings: text up to a size, HTML, or the whole MIME source.</summary>
/// <param name="MaxBodyBytes">The most body bytes any preference asks for; null for whole bodies.</param>
/// <param name="WantHtml">Whether an HTML body is wanted.</param>
/// <param name="WantMime">Whether the whole MIME source is wanted (BodyPreference type 4, or 2.5 MIMESupport).</param>
public sealed record EmailContentRequest(long? MaxBodyBytes, bool WantHtml, bool WantMime);

/// <summary>One fetched message: its UID and flags now, and what the encoder turns into ApplicationData.</summary>
public sealed record FetchedEmail(uint Uid, MessageFlags Flags, EmailItem Item);
