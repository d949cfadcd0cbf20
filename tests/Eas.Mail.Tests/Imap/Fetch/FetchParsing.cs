using Eas.Mail.Imap.Fetch;
using static Eas.Mail.Tests.Imap.Protocol.ResponseReading;

namespace Eas.Mail.Tests.Imap.Fetch;

/// <summary>Reads a FETCH response from wire text and parses it as the client does.</summary>
internal static class FetchParsing
{
    public static async Task<FetchedMessage> ParseAsync(string fetchItems) =>
        FetchResponseParser.Parse(await ReadOneAsync($"* 1 FETCH ({fetchItems})\r\n"));

    public static async Task<ImapBodyPart> BodyAsync(string structure) =>
        (await ParseAsync($"UID 1 BODYSTRUCTURE {structure}")).Body.ShouldNotBeNull();

    public static async Task<ImapEnvelope> EnvelopeAsync(string envelope) =>
        (await ParseAsync($"UID 1 ENVELOPE {envelope}")).Envelope.ShouldNotBeNull();
}
