using System.Collections.Immutable;

namespace Eas.Wire.Commands.ResolveRecipients;

/// <summary>
/// One Response (MS-ASCMD 2.2.3.153.6), for one To of the request, in request order: the To as sent, its status, how
/// many recipients there are (RecipientCount, 2.2.3.146: for an ambiguous To, all the suggestions there are, of which
/// the Recipients may be fewer), and the recipients.
/// </summary>
public sealed record ResolveRecipientsResult(string To, ResolveRecipientsResponseStatus Status)
{
    public int? RecipientCount { get; init; }

    public ImmutableArray<ResolvedRecipient> Recipients { get; init; } = [];
}
