using Eas.Wire.Wbxml;

namespace Eas.Fuzz;

/// <summary>
/// Feeds one input to the WBXML decoder and, when it decodes, to everything a decoded tree must survive.
/// Contract (<see cref="WbxmlDocument.Parse"/>): bad input raises <see cref="WbxmlException"/> and nothing
/// else. For an accepted document it also checks that <see cref="WbxmlXml.ToXml"/> renders it, that
/// <see cref="WbxmlWriter.Encode"/> writes bytes the decoder accepts and that encode is stable over a
/// second decode, and that the XML form parses back to the same bytes (the form is documented lossless).
/// </summary>
internal sealed class WbxmlTarget(Findings findings)
{
    /// <summary>Small limits, used for one input in eight, so the limit checks themselves are fuzzed.</summary>
    private static readonly WbxmlLimits Tight = new() { MaxDepth = 6, MaxElements = 40, MaxStringBytes = 64, MaxOpaqueBytes = 128, MaxDocumentBytes = 2048 };

    public long Inputs { get; private set; }

    public long Decoded { get; private set; }

    public long Rejected { get; private set; }

    public RejectionTally Reasons { get; } = new(maskNumbers: true);

    public void Run(long index, byte[] input, bool tightLimits)
    {
        Inputs++;
        WbxmlElement root;
        try
        {
            root = WbxmlDocument.Parse(input, tightLimits ? Tight : null);
        }
        catch (WbxmlException e)
        {
            Rejected++;
            Reasons.Add(e.Reason);
            return;
        }
        catch (Exception e)
        {
            Crash(index, input, "WbxmlDocument.Parse", e);
            return;
        }

        Decoded++;
        string xml;
        try
        {
            xml = WbxmlXml.ToXml(root);
        }
        catch (Exception e)
        {
            Crash(index, input, "WbxmlXml.ToXml", e);
            return;
        }

        CheckRoundTrips(index, input, root, xml);
    }

    private void CheckRoundTrips(long index, byte[] input, WbxmlElement root, string xml)
    {
        var stage = "WbxmlWriter.Encode(decoded)";
        try
        {
            var encoded = WbxmlWriter.Encode(root);
            stage = "WbxmlDocument.Parse(re-encoded)";
            var again = WbxmlWriter.Encode(WbxmlDocument.Parse(encoded));
            if (!again.AsSpan().SequenceEqual(encoded))
            {
                Invariant(index, input, "encode-decode-encode", "Encoding the decoded tree is not stable: a second decode and encode gives other bytes.");
                return;
            }

            stage = "WbxmlXml.Parse(ToXml)";
            var fromXml = WbxmlWriter.Encode(WbxmlXml.Parse(xml));
            if (!fromXml.AsSpan().SequenceEqual(encoded))
                Invariant(index, input, "xml-round-trip", $"The XML form does not parse back to the same document.\nXML form:\n{xml}");
        }
        catch (WbxmlException e)
        {
            Invariant(index, input, stage, $"{stage} refused what the decoder accepted: {e.Message}\nXML form:\n{xml}");
        }
        catch (Exception e)
        {
            Crash(index, input, stage, e);
        }
    }

    private void Crash(long index, byte[] input, string stage, Exception e) =>
        findings.Record(FindingKind.Crash, "wbxml", stage, index, input, null, $"{e.GetType().Name}: {e.Message}", e);

    private void Invariant(long index, byte[] input, string stage, string detail) =>
        findings.Record(FindingKind.Invariant, "wbxml", stage, index, input, null, detail, null);
}
