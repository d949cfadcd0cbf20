using System.CommandLine;
using System.Text;
using Eas.Wire.Wbxml;

namespace Eas.Host.Cli;

/// <summary>
/// <c>eas-server wbxml decode FILE</c> prints a WBXML document (a device trace) as XML;
/// <c>eas-server wbxml encode FILE -o OUT</c> turns the XML form back into WBXML. <c>-</c> means standard
/// input or output. Bad input prints the codec's reason with its byte offset and exits with 1.
/// </summary>
internal static class WbxmlCommand
{
    public static Command Create()
    {
        var command = new Command("wbxml", "Convert ActiveSync WBXML to XML and back, for reading device traces.");
        command.Subcommands.Add(CreateDecode());
        command.Subcommands.Add(CreateEncode());
        return command;
    }

    private static Command CreateDecode()
    {
        var file = new Argument<string>("file") { Description = "WBXML file, or - for standard input." };
        var decode = new Command("decode", "Print a WBXML document as XML.") { file };
        decode.SetAction(async (result, token) =>
        {
            try
            {
                var bytes = await ReadAllAsync(result.GetValue(file)!, token);
                await Console.Out.WriteLineAsync(WbxmlXml.ToXml(WbxmlDocument.Parse(bytes)));
                return 0;
            }
            catch (WbxmlException e)
            {
                await Console.Error.WriteLineAsync($"Not valid ActiveSync WBXML: {e.Message}");
                return 1;
            }
        });
        return decode;
    }

    private static Command CreateEncode()
    {
        var file = new Argument<string>("file") { Description = "XML file, or - for standard input." };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the WBXML, or - for standard output.", Required = true };
        var encode = new Command("encode", "Write the XML form of a document as WBXML.") { file, output };
        encode.SetAction(async (result, token) =>
        {
            try
            {
                var xml = Encoding.UTF8.GetString(await ReadAllAsync(result.GetValue(file)!, token));
                var bytes = WbxmlWriter.Encode(WbxmlXml.Parse(xml));
                await WriteAllAsync(result.GetValue(output)!, bytes, token);
                return 0;
            }
            catch (WbxmlException e)
            {
                await Console.Error.WriteLineAsync($"Cannot encode: {e.Message}");
                return 1;
            }
        });
        return encode;
    }

    private static async Task<byte[]> ReadAllAsync(string path, CancellationToken token)
    {
        if (path != "-") return await File.ReadAllBytesAsync(path, token);
        using var buffer = new MemoryStream();
        await Console.OpenStandardInput().CopyToAsync(buffer, token);
        return buffer.ToArray();
    }

    private static async Task WriteAllAsync(string path, byte[] bytes, CancellationToken token)
    {
        if (path != "-")
        {
            await File.WriteAllBytesAsync(path, bytes, token);
            return;
        }

        await using var stdout = Console.OpenStandardOutput();
        await stdout.WriteAsync(bytes, token);
    }
}
