using System.Buffers;
using Eas.Actors.Sync.Email;
using Eas.Wire.Commands;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using static Eas.Actors.Tests.Sync.Email.EmailTestData;
using AirSync = Eas.Wire.CodePages.AirSync;

namespace Eas.Actors.Tests.Sync.Email;

/// <summary>An encoded email inside a Sync Add, written with WbxmlWriter and decoded again by our codec.</summary>
public sealed class EmailWbxmlRoundTripTests
{
    [Theory]
    [InlineData("2.5")]
    [InlineData("14.1")]
    public void A_Sync_Add_with_the_email_survives_encoding_and_decoding(string versionText)
    {
        var version = Version(versionText);
        var options = Options(version, new BodyPreference(BodyType.Html) { TruncationSize = 20, Preview = 50 }) with { Truncation = 4 };
        var data = EmailApplicationData.Build(FullItem(), options);
        var response = new SyncResponse
        {
            Collections =
            [
                new SyncCollectionResponse("7", SyncStatus.Success)
                {
                    SyncKey = "2",
                    Class = "Email",
                    Commands = [new SyncServerAdd("7:42", data)],
                },
            ],
        };

        var buffer = new ArrayBufferWriter<byte>();
        var writer = new WbxmlWriter(buffer);
        response.Write(writer, version);
        writer.Finish();
        var decoded = WbxmlDocument.Parse(buffer.WrittenMemory.ToArray());

        var add = Child(Child(Child(Child(decoded, AirSync.Collections), AirSync.Collection), AirSync.Commands), AirSync.Add);
        add.ValueOf(AirSync.ServerId).ShouldBe("7:42");
        var roundTripped = Child(add, AirSync.ApplicationData);
        roundTripped.ToString().ShouldBe(data.ToString());
        Names(roundTripped).ShouldBe(Names(data));
    }
}
