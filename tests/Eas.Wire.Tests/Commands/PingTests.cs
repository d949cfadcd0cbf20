using Eas.Wire.Commands.Ping;
using Eas.Wire.Http;
using static Eas.Wire.Tests.Commands.RequestTesting;

namespace Eas.Wire.Tests.Commands;

public sealed class PingTests
{
    [Fact]
    public void A_full_request_gives_interval_and_folders()
    {
        var request = PingRequest.Parse(CommandCorpus.Get("Ping", "request-14.1-full.xml").Tree(), V141);

        request.HeartbeatInterval.ShouldBe(900);
        request.Folders!.Value.ShouldBe([new PingFolder("5", "Email"), new PingFolder("8", "Calendar"), new PingFolder("9", "Contacts")]);
    }

    [Fact]
    public void An_empty_ping_reuses_the_cached_parameters()
    {
        var request = PingRequest.Parse(Xml("<Ping xmlns=\"Ping:\"/>"), V121);

        request.HeartbeatInterval.ShouldBeNull();
        request.Folders.ShouldBeNull();
    }

    [Theory]
    [InlineData("<Sync xmlns=\"AirSync:\"/>", "AirSync:Sync")]
    [InlineData("<Ping xmlns=\"Ping:\"><HeartbeatInterval>soon</HeartbeatInterval></Ping>", "Ping:HeartbeatInterval")]
    [InlineData("<Ping xmlns=\"Ping:\"><HeartbeatInterval>-5</HeartbeatInterval></Ping>", "Ping:HeartbeatInterval")]
    [InlineData("<Ping xmlns=\"Ping:\"><HeartbeatInterval>60</HeartbeatInterval><HeartbeatInterval>60</HeartbeatInterval></Ping>", "Ping:HeartbeatInterval")]
    [InlineData("<Ping xmlns=\"Ping:\"><Folders/></Ping>", "Ping:Folders")]
    [InlineData("<Ping xmlns=\"Ping:\"><Folders><Folder><Id>5</Id></Folder></Folders></Ping>", "Ping:Class")]
    [InlineData("<Ping xmlns=\"Ping:\"><Folders><Folder><Class>Email</Class></Folder></Folders></Ping>", "Ping:Id")]
    [InlineData("<Ping xmlns=\"Ping:\"><Folders><Id>5</Id></Folders></Ping>", "Ping:Id")]
    [InlineData("<Ping xmlns=\"Ping:\"><MaxFolders>5</MaxFolders></Ping>", "Ping:MaxFolders")]
    [InlineData("<Ping xmlns=\"Ping:\"><Folders><Folder><Id>5</Id><Class>Mail</Class></Folder></Folders></Ping>", "Ping:Class")]
    public void A_malformed_request_names_the_element(string xml, string element) =>
        Rejects(() => PingRequest.Parse(Xml(xml), V141), element);

    [Fact]
    public void MS_ASCMD_2_2_3_177_11_a_heartbeat_of_any_size_is_read_so_it_can_be_answered_status_5()
    {
        PingRequest.Parse(Xml("<Ping xmlns=\"Ping:\"><HeartbeatInterval>99999999999</HeartbeatInterval></Ping>"), V141).HeartbeatInterval.ShouldBe(int.MaxValue);
        PingRequest.Parse(Xml("<Ping xmlns=\"Ping:\"><HeartbeatInterval>0</HeartbeatInterval></Ping>"), V141).HeartbeatInterval.ShouldBe(0);
    }

    [Fact]
    public void The_response_writes_status_first_and_folders_as_text()
    {
        var written = CorpusTypedTests.Write(w => new PingResponse(PingStatus.ChangesFound) { Folders = ["5"], MaxFolders = 3 }.Write(w, V141));

        DocumentAssert.Same(written, Xml("<Ping xmlns=\"Ping:\"><Status>2</Status><Folders><Folder>5</Folder></Folders><MaxFolders>3</MaxFolders></Ping>"), "Ping");
    }

    [Fact]
    public void The_expired_response_has_the_spec_bytes()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new Eas.Wire.Wbxml.WbxmlWriter(buffer);
        new PingResponse(PingStatus.Expired).Write(writer, ProtocolVersion.V25);

        // Header, SWITCH_PAGE 13, Ping with content, Status with content, STR_I "1", END, END.
        Convert.ToHexString(buffer.WrittenSpan).ShouldBe("03016A00000D45470331000101");
    }
}
