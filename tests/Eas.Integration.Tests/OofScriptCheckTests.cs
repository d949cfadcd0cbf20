using Eas.Actors.OutOfOffice;
using Eas.Integration.Tests.Support;
using Eas.Mail.Sieve;
using Eas.Wire.Commands.Settings;

namespace Eas.Integration.Tests;

/// <summary>
/// Every shape of the out-of-office script, and the user's script with our include line, pass the real Pigeonhole's
/// CHECKSCRIPT (RFC 5804 section 2.12): the Sieve we write is Sieve the server runs. No HTTP, one connection.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class OofScriptCheckTests(DovecotFixture dovecot)
{
    private static OofMessage Reply(OofAudience audience, string bodyType = "Text") =>
        new(audience) { Enabled = true, ReplyMessage = "Away \"now\" \\ ${x}\nback soon", BodyType = bodyType };

    public static TheoryData<string> Shapes => new() { "off", "internal", "external", "both-html", "known-only", "window" };

    private static OofSettings Shape(string name) => name switch
    {
        "off" => new OofSettings { OofState = OofState.Disabled, Messages = [Reply(OofAudience.Internal)] },
        "internal" => new OofSettings { OofState = OofState.Global, Messages = [Reply(OofAudience.Internal)] },
        "external" => new OofSettings { OofState = OofState.Global, Messages = [Reply(OofAudience.ExternalUnknown)] },
        "both-html" => new OofSettings { OofState = OofState.Global, Messages = [Reply(OofAudience.Internal, "HTML"), Reply(OofAudience.ExternalUnknown, "HTML")] },
        "known-only" => new OofSettings { OofState = OofState.Global, Messages = [Reply(OofAudience.ExternalKnown)] },
        _ => new OofSettings
        {
            OofState = OofState.TimeBased,
            StartTime = new DateTime(2026, 12, 24, 8, 0, 0, DateTimeKind.Utc),
            EndTime = new DateTime(2027, 1, 2, 8, 0, 0, DateTimeKind.Utc),
            Messages = [Reply(OofAudience.Internal), Reply(OofAudience.ExternalUnknown)],
        },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task RFC_5230_every_out_of_office_script_passes_Pigeonhole(string shape)
    {
        var user = MailboxUser.Create(dovecot, "check");
        await using var sieve = await ManageSieveClient.ConnectAsync(new SieveServer("127.0.0.1", dovecot.Dovecot.ManageSievePort!.Value) { Security = SieveSecurity.None }, CancellationToken.None);
        await sieve.AuthenticatePlainAsync(user.Address, user.Password, CancellationToken.None);

        await sieve.CheckScriptAsync(OofScript.Write(Shape(shape), user.Address), CancellationToken.None);
        await sieve.CheckScriptAsync(SieveIncludes.AddTo("require [\"fileinto\"];\r\nif true { fileinto \"INBOX\"; }\r\n"), CancellationToken.None);
    }
}
