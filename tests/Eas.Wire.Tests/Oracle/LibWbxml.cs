using System.Diagnostics;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Eas.Wire.Tests.Oracle;

/// <summary>
/// libwbxml (Debian's libwbxml2-utils: <c>wbxml2xml</c>, <c>xml2wbxml</c>) as an independent WBXML oracle.
/// Every call takes a batch and runs the tool once per document inside a single shell, so a corpus of
/// dozens of documents costs one process start. A missing tool fails the calling test (it is an install
/// step of CI, not an optional extra).
/// </summary>
/// <remarks>
/// libwbxml's ActiveSync tables predate parts of MS-ASWBXML: some tags have other names there (see
/// <see cref="NameMap"/>), and xml2wbxml silently takes a same-named tag of another page when a namespace
/// lacks one. The spec's names and tokens win: callers compare bytes where they can, and map names only
/// through the table below, where each entry is a documented spelling difference.
/// </remarks>
public static class LibWbxml
{
    public const string Wbxml2XmlPath = "/usr/bin/wbxml2xml";
    public const string Xml2WbxmlPath = "/usr/bin/xml2wbxml";

    /// <summary>The document type libwbxml needs to pick its ActiveSync tables when encoding.</summary>
    public const string DocType = "<!DOCTYPE ActiveSync PUBLIC \"-//MICROSOFT//DTD ActiveSync//EN\" \"http://www.microsoft.com/\">";

    /// <summary>
    /// Tags libwbxml 0.11 names differently from MS-ASWBXML, as (namespace, libwbxml name, spec name). Only
    /// the pages the command corpora use are listed; add an entry with its reason when a corpus needs one.
    /// </summary>
    public static readonly IReadOnlyList<(string Namespace, string LibWbxml, string Spec)> NameMap =
    [
        // ComposeMail 0x10: the spec spells it Mime (MS-ASWBXML 2.1.2.1.22).
        ("ComposeMail", "MIME", "Mime"),
        // ComposeMail 0x17/0x18: the spec's Forwardee children are Name and Email (MS-ASCMD 2.2.3.78).
        ("ComposeMail", "ForwardeeName", "Name"),
        ("ComposeMail", "ForwardeeEmail", "Email"),
        // Settings 0x1F: MS-ASWBXML 2.1.2.1.19 lists SMTPAddress.
        ("Settings", "SmtpAddress", "SMTPAddress"),
        // Settings 0x2B: libwbxml's table has a truncated name.
        ("Settings", "ihsManagementInformation", "RightsManagementInformation"),
        // RightsManagement 0x18: renamed in MS-ASRM.
        ("RightsManagement", "RemoveRightsManagementDistribution", "RemoveRightsManagementProtection"),
        // Provision 0x10: MS-ASWBXML 2.1.2.1.15 names the token RequireStorageCardEncryption.
        ("Provision", "DeviceEncryptionEnabled", "RequireStorageCardEncryption"),
    ];

    /// <summary>
    /// Tags libwbxml types as binary: its XML carries them as base64 of the opaque bytes, and xml2wbxml
    /// decodes the base64 back into an OPAQUE value. Our XML form marks such values <c>base64="opaque"</c>;
    /// any other base64-marked value has no libwbxml form and is refused.
    /// </summary>
    public static readonly IReadOnlyList<(string Namespace, string Spec)> BinaryElements =
    [
        // The MIME message of SendMail, SmartReply, SmartForward, sent opaque by clients.
        ("ComposeMail", "Mime"),
        // The conversation of an ItemOperations Move, a byte array.
        ("ItemOperations", "ConversationId"),
        // A ResolveRecipients contact photo, a byte array (MS-ASCMD 2.2.3.39.3).
        ("ResolveRecipients", "Data"),
    ];

    private static readonly XName Base64Attribute = "base64";

    /// <summary>Fails with an install hint when the tools are missing.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists(Wbxml2XmlPath) || !File.Exists(Xml2WbxmlPath))
            throw new InvalidOperationException(
                $"The WBXML oracle is missing: {Wbxml2XmlPath} or {Xml2WbxmlPath} not found. Install it with 'apt-get install libwbxml2-utils'.");
    }

    /// <summary>Decodes each document with <c>wbxml2xml -l ACTIVESYNC</c> and returns libwbxml's XML, in order.</summary>
    public static IReadOnlyList<string> Decode(IReadOnlyList<byte[]> documents)
    {
        EnsureInstalled();
        return RunBatch(documents.Select(d => (Input: d, Extension: ".wbxml")).ToList(),
            $"{Wbxml2XmlPath} -l ACTIVESYNC -m 0 -o \"$f.out\" \"$f\"",
            output => Encoding.UTF8.GetString(output));
    }

    /// <summary>Encodes each XML document with <c>xml2wbxml -a -n -v 1.3</c> (no public id, no string table), in order.</summary>
    public static IReadOnlyList<byte[]> Encode(IReadOnlyList<string> xmlDocuments)
    {
        EnsureInstalled();
        return RunBatch(xmlDocuments.Select(x => (Input: Encoding.UTF8.GetBytes(x), Extension: ".xml")).ToList(),
            $"{Xml2WbxmlPath} -a -n -v 1.3 -o \"$f.out\" \"$f\"",
            output => output);
    }

    /// <summary>
    /// Turns libwbxml's XML (default namespaces switched on inner elements, its own tag names) into XML our
    /// <c>WbxmlXml.Parse</c> reads with the spec's names.
    /// </summary>
    public static string ToSpecNames(string libwbxmlXml) => Rename(libwbxmlXml, toSpec: true);

    /// <summary>Turns XML with the spec's names into what <c>xml2wbxml</c> expects: libwbxml's names and the ActiveSync doctype.</summary>
    public static string ToLibWbxmlNames(string specXml)
    {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + DocType + "\n" + Rename(specXml, toSpec: false);
    }

    private static string Rename(string xml, bool toSpec)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var document = XDocument.Load(reader);
        document.DocumentType?.Remove();
        foreach (var element in document.Descendants().ToList())
        {
            var ns = element.Name.NamespaceName.TrimEnd(':');
            var specName = element.Name.LocalName;
            foreach (var (mapNs, lib, spec) in NameMap)
            {
                var (from, to) = toSpec ? (lib, spec) : (spec, lib);
                if (mapNs == ns && element.Name.LocalName == from)
                {
                    element.Name = element.Name.Namespace + to;
                    specName = spec;
                    break;
                }
            }

            var binary = BinaryElements.Contains((ns, specName));
            if (toSpec && binary)
            {
                element.SetAttributeValue(Base64Attribute, "opaque");
            }
            else if (!toSpec && element.Attribute(Base64Attribute) is { } marker)
            {
                if (!binary || marker.Value != "opaque")
                    throw new InvalidOperationException($"libwbxml has no XML form for the {marker.Value} value of {ns}:{specName}; test it with golden bytes.");
                marker.Remove();
            }
        }

        return document.Root!.ToString(SaveOptions.DisableFormatting);
    }

    private static IReadOnlyList<T> RunBatch<T>(List<(byte[] Input, string Extension)> inputs, string command, Func<byte[], T> read)
    {
        var directory = Directory.CreateTempSubdirectory("libwbxml-");
        try
        {
            var files = new List<string>();
            for (var i = 0; i < inputs.Count; i++)
            {
                var path = Path.Combine(directory.FullName, $"{i:D4}{inputs[i].Extension}");
                File.WriteAllBytes(path, inputs[i].Input);
                files.Add(path);
            }

            var script = $"for f in \"$@\"; do {command} > /dev/null 2> \"$f.err\" || {{ echo \"$f: exit $?\" >&2; cat \"$f.err\" >&2; }}; done";
            var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
            start.ArgumentList.Add("sh");
            foreach (var file in files) start.ArgumentList.Add(file);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start /bin/sh.");
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(1))) process.Kill();
            var errors = stderr.Result;
            return files.Select(f =>
            {
                var output = f + ".out";
                if (!File.Exists(output))
                    throw new InvalidOperationException($"libwbxml produced nothing for {Path.GetFileName(f)}: {errors}");
                return read(File.ReadAllBytes(output));
            }).ToList();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
