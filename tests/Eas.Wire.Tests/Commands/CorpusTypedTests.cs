using System.Buffers;
using Eas.Wire.Commands.FolderCreate;
using Eas.Wire.Commands.FolderDelete;
using Eas.Wire.Commands.FolderSync;
using Eas.Wire.Commands.FolderUpdate;
using Eas.Wire.Commands.GetItemEstimate;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Commands.MoveItems;
using Eas.Wire.Commands.Ping;
using Eas.Wire.Commands.Provision;
using Eas.Wire.Commands.SendMail;
using Eas.Wire.Commands.Settings;
using Eas.Wire.Commands.SmartForward;
using Eas.Wire.Commands.SmartReply;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Tests.Commands;

/// <summary>
/// The corpus through the typed layer: every request document parses into its command's request record,
/// and every response document is exactly what the command's response writer writes for the record
/// <see cref="ResponseCorpus"/> builds for it.
/// </summary>
public sealed class CorpusTypedTests
{
    private static readonly Dictionary<string, Func<WbxmlElement, ProtocolVersion, object>> Parsers = new()
    {
        ["Provision"] = ProvisionRequest.Parse,
        ["Settings"] = SettingsRequest.Parse,
        ["FolderSync"] = FolderSyncRequest.Parse,
        ["FolderCreate"] = FolderCreateRequest.Parse,
        ["FolderUpdate"] = FolderUpdateRequest.Parse,
        ["FolderDelete"] = FolderDeleteRequest.Parse,
        ["Sync"] = SyncRequest.Parse,
        ["GetItemEstimate"] = GetItemEstimateRequest.Parse,
        ["Ping"] = PingRequest.Parse,
        ["ItemOperations"] = ItemOperationsRequest.Parse,
        ["MoveItems"] = MoveItemsRequest.Parse,
        ["MeetingResponse"] = Eas.Wire.Commands.MeetingResponse.MeetingResponseRequest.Parse,
        ["ResolveRecipients"] = Eas.Wire.Commands.ResolveRecipients.ResolveRecipientsRequest.Parse,
        ["SendMail"] = SendMailRequest.Parse,
        ["SmartReply"] = SmartReplyRequest.Parse,
        ["SmartForward"] = SmartForwardRequest.Parse,
        ["Search"] = Eas.Wire.Commands.Search.SearchRequest.Parse,
    };

    [Fact]
    public void Every_request_document_parses_into_its_request_record()
    {
        foreach (var document in CommandCorpus.All.Where(d => d.IsRequest))
            Should.NotThrow(() => Parsers[document.Command](document.Tree(), document.Version), document.ToString());
    }

    [Fact]
    public void Every_response_document_is_what_the_writer_writes()
    {
        foreach (var document in CommandCorpus.All.Where(d => !d.IsRequest))
        {
            var key = $"{document.Command}/{document.FileName}";
            ResponseCorpus.Writers.ShouldContainKey(key, $"no typed response for {key}");
            var written = Write(writer => ResponseCorpus.Writers[key](writer, document.Version));
            DocumentAssert.Same(written, document.Tree(), key);
        }
    }

    [Fact]
    public void Every_typed_response_has_a_corpus_document()
    {
        foreach (var key in ResponseCorpus.Writers.Keys)
            CommandCorpus.All.ShouldContain(d => $"{d.Command}/{d.FileName}" == key, key);
    }

    internal static WbxmlElement Write(Action<WbxmlWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new WbxmlWriter(buffer);
        write(writer);
        writer.Finish();
        return WbxmlDocument.Parse(buffer.WrittenMemory.ToArray());
    }
}
