using System.Collections.Immutable;
using Eas.Mail.Gal;
using Eas.Wire.Commands.ResolveRecipients;

namespace Eas.Actors.Devices;

/// <summary>
/// ResolveRecipients (MS-ASCMD 2.2.1.15): each To is looked up in the GAL (<see cref="DeviceActorSettings.Gal"/>) and
/// answered by <see cref="ResolveRecipientsRules"/>, in request order. The directory reads each To's matches without
/// binaries first, then, when certificates or pictures were asked, the returned few again with them. A directory
/// that cannot be reached (or none configured) is the command's Status 6, "an error occurred on the server; the client
/// SHOULD retry" (2.2.3.177.12), never a list of unresolved names.
/// </summary>
internal static class ResolveRecipientsCommand
{
    public static async Task<Decision> DecideAsync(DeviceRequest request, DeviceActorSettings settings)
    {
        var body = (ResolveRecipientsRequest)request.Body!;
        if (settings.Gal is not { } gal) return Answer(new ResolveRecipientsResponse(ResolveRecipientsStatus.ServerError));
        var version = request.Line.ProtocolVersion;
        var binaries = ResolveRecipientsRules.BinariesFor(body.Options, version);
        var certificatesLeft = body.Options.MaxCertificates ?? int.MaxValue;
        using var deadline = new CancellationTokenSource(settings.MailboxDeadline);
        var responses = ImmutableArray.CreateBuilder<ResolveRecipientsResult>(body.To.Length);
        try
        {
            foreach (var to in body.To)
            {
                var matches = await gal.ResolveAsync(to.Trim(), ResolveRecipientsRules.MatchCap, new GalSearchOptions(), deadline.Token);
                var returned = ResolveRecipientsRules.Returned(to, matches, body.Options);
                var chosen = returned > 0 && (binaries.WithPictures || binaries.WithCertificates)
                    ? await gal.ResolveAsync(to.Trim(), returned, binaries, deadline.Token)
                    : [.. matches.Take(returned)];
                responses.Add(ResolveRecipientsRules.Answer(to, matches, chosen, body.Options, version, ref certificatesLeft));
            }
        }
        catch (Exception e) when (e is DirectoryUnavailableException || (e is OperationCanceledException && deadline.IsCancellationRequested))
        {
            ResolveRecipientsLog.DirectoryUnavailable(settings.Logger, request.AccountId, e.Message);
            return Answer(new ResolveRecipientsResponse(ResolveRecipientsStatus.ServerError));
        }

        return Answer(new ResolveRecipientsResponse(ResolveRecipientsStatus.Success) { Responses = responses.ToImmutable() });
    }

    private static Decision Answer(ResolveRecipientsResponse response) => new(new RespondWith(response), []);
}
