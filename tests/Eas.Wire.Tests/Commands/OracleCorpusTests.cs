using Eas.Wire.Tests.Oracle;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Tests.Commands;

/// <summary>
/// The hand-written command corpus against libwbxml, in both directions, one batch per direction: our
/// encoding must decode with wbxml2xml to the same document, and xml2wbxml's encoding must decode with
/// ours to the same document and be byte for byte what we write.
/// </summary>
public sealed class OracleCorpusTests
{
    private static readonly string[] Commands =
    [
        "Provision", "Settings", "FolderSync", "FolderCreate", "FolderUpdate", "FolderDelete", "Sync",
        "GetItemEstimate", "Ping", "ItemOperations", "MoveItems", "SendMail", "SmartReply", "SmartForward",
        "ResolveRecipients", "Search", "MeetingResponse",
    ];

    [Fact]
    public void The_corpus_has_at_least_two_documents_per_command_and_direction()
    {
        foreach (var command in Commands)
        {
            CommandCorpus.All.Count(d => d.Command == command && d.IsRequest).ShouldBeGreaterThanOrEqualTo(2, $"{command} requests");
            CommandCorpus.All.Count(d => d.Command == command && !d.IsRequest).ShouldBeGreaterThanOrEqualTo(2, $"{command} responses");
        }

        CommandCorpus.All.Select(d => d.Command).Distinct().ShouldBe(Commands, ignoreOrder: true);
    }

    [Fact]
    public void Our_bytes_decode_with_libwbxml_to_the_same_document()
    {
        var documents = CommandCorpus.All;
        var trees = documents.Select(d => d.Tree()).ToList();

        var decoded = LibWbxml.Decode(trees.Select(WbxmlWriter.Encode).ToList());

        for (var i = 0; i < documents.Count; i++)
        {
            var theirs = WbxmlXml.Parse(LibWbxml.ToSpecNames(decoded[i]));
            DocumentAssert.Same(theirs, trees[i], $"{documents[i]} decoded by libwbxml");
        }
    }

    [Fact]
    public void Libwbxml_bytes_decode_with_ours_to_the_same_document_and_match_our_bytes()
    {
        var documents = CommandCorpus.All;
        var trees = documents.Select(d => d.Tree()).ToList();

        var encoded = LibWbxml.Encode(trees.Select(t => LibWbxml.ToLibWbxmlNames(WbxmlXml.ToXml(t))).ToList());

        for (var i = 0; i < documents.Count; i++)
        {
            DocumentAssert.Same(WbxmlDocument.Parse(encoded[i]), trees[i], $"{documents[i]} encoded by libwbxml");
            Convert.ToHexString(encoded[i]).ShouldBe(Convert.ToHexString(WbxmlWriter.Encode(trees[i])), documents[i].ToString());
        }
    }
}
