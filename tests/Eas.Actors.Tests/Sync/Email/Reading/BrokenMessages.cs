using System.Text;

namespace Eas.Actors.Tests.Sync.Email.Reading;

/// <summary>
/// Builds a random but plausible message from a seed: nested multiparts (sometimes reusing a boundary, sometimes
/// without a close delimiter), encapsulated messages, text and binary leaves in several charsets and transfer
/// encodings, header fields with encoded-words and RFC 2231 parameters, and mixed line ends.
/// </summary>
internal static class BrokenMessages
{
    private static readonly string[] Charsets = ["utf-8", "iso-8859-1", "shift_jis", "utf-7", "koi8-r", "x-bogus", ""];
    private static readonly string[] Leaves = ["text/plain", "text/html", "application/octet-stream", "image/png", "text/enriched"];
    private static readonly string[] Multiparts = ["mixed", "alternative", "related", "digest", "signed"];
    private static readonly string[] Encodings = ["base64", "quoted-printable", "8bit", "7bit", "x-uuencode", ""];

    public static byte[] Build(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        var newline = random.Next(4) == 0 ? "\n" : "\r\n";
        text.Append("From: =?utf-8?q?J=C3=B6rg?= <j@x.de>, Team: a@x.org, \"B\" <b@x.org>;").Append(newline);
        text.Append("Subject: =?utf-8?B?w5xiZXI=?= =?utf-8?Q?sicht?= Grüße").Append(newline);
        text.Append("Date: ").Append(random.Next(2) == 0 ? "Tue, 1 Jul 2003 10:52:37 +0200" : "garbage").Append(newline);
        Entity(text, random, 0, [], newline);
        return random.Next(3) == 0 ? Encoding.Latin1.GetBytes(text.ToString().Replace('ü', (char)0xFC)) : Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Entity(StringBuilder text, Random random, int depth, List<string> boundaries, string newline)
    {
        var kind = depth < 5 ? random.Next(6) : 3;
        if (kind <= 1)
        {
            var boundary = boundaries.Count > 0 && random.Next(4) == 0 ? boundaries[^1] : "b" + random.Next(3);
            var parameter = random.Next(3) switch { 0 => $"boundary=\"{boundary}\"", 1 => $"boundary*0={boundary}", _ => $"boundary={boundary}" };
            text.Append($"Content-Type: multipart/{Pick(random, Multiparts)}; {parameter}").Append(newline).Append(newline);
            if (random.Next(3) == 0) text.Append("preamble --").Append(boundary).Append('x').Append(newline);
            var inner = new List<string>(boundaries) { boundary };
            for (var i = random.Next(5); i > 0; i--)
            {
                text.Append("--").Append(boundary).Append(random.Next(4) == 0 ? " \t" : string.Empty).Append(newline);
                Entity(text, random, depth + 1, inner, newline);
                text.Append(newline);
            }

            if (random.Next(4) != 0) text.Append("--").Append(boundary).Append("--").Append(newline);
            if (random.Next(3) == 0) text.Append("epilogue").Append(newline);
            return;
        }

        if (kind == 2)
        {
            text.Append("Content-Type: message/rfc822").Append(newline).Append(newline);
            text.Append("Subject: inner").Append(newline);
            Entity(text, random, depth + 1, boundaries, newline);
            return;
        }

        var type = Pick(random, Leaves);
        var encoding = Pick(random, Encodings);
        text.Append($"Content-Type: {type}; charset={Pick(random, Charsets)}; name*0*=utf-8''%C3%A9; name*1=\".txt\"").Append(newline);
        if (encoding.Length > 0) text.Append("Content-Transfer-Encoding: ").Append(encoding).Append(newline);
        if (random.Next(2) == 0) text.Append("Content-Disposition: ").Append(random.Next(2) == 0 ? "inline" : "attachment; filename=\"=?utf-8?q?a=C3=A9?=\"").Append(newline);
        if (random.Next(5) != 0) text.Append(newline);
        text.Append(Body(random, type, encoding, newline));
    }

    private static string Body(Random random, string type, string encoding, string newline)
    {
        var bytes = new byte[random.Next(200)];
        random.NextBytes(bytes);
        if (encoding == "base64") return Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks).ReplaceLineEndings(newline);
        if (encoding == "quoted-printable") return "Caf=C3=A9 =" + newline + "soft  " + newline + "=ZZ=4" + newline + "=3D";
        return type == "text/html"
            ? "<html><head><style>x</style></head><body><p>Hi &amp; <a href=\"https://x.org\">link</a></p>&#x1F600;</body>"
            : "Grüße" + newline + Encoding.Latin1.GetString(bytes).Replace("\r", string.Empty).Replace("\n", newline);
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
