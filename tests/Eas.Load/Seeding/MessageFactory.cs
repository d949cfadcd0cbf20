using System.Globalization;
using System.Text;

namespace Eas.Load.Seeding;

/// <summary>
/// Makes plausible plain-text mail (RFC 5322, one text/plain part, 7-bit, lines of at most 76 characters):
/// varied senders and subjects, a greeting, paragraphs of business prose, a signature, a body of about the
/// requested size. Message <c>i</c> is the same on every call, each has its own subject, Message-ID and Date,
/// and dates rise with the index, a few minutes apart, ending now; about a third are marked read.
/// </summary>
internal sealed class MessageFactory
{
    private static readonly string[] Senders =
    [
        "Anna Berg <anna.berg@example.com>", "Carlos Diaz <carlos@example.org>", "Mei Chen <mei.chen@example.net>",
        "Olu Adeyemi <olu@example.com>", "Sofia Rossi <s.rossi@example.it>", "Jan Novak <jan.novak@example.cz>",
        "Priya Nair <priya@example.in>", "Liam O'Brien <liam.obrien@example.ie>", "Facilities <facilities@example.com>",
        "IT Service Desk <servicedesk@example.com>", "Travel Office <travel@example.com>", "Hanna Virtanen <hanna@example.fi>",
    ];

    private static readonly string[] Topics =
    [
        "Quarterly budget review", "Release planning", "Customer escalation", "Team offsite", "Contract renewal",
        "Hiring update", "Security patch window", "Invoice", "Design review", "Weekly status", "Travel booking",
        "Board presentation", "Office move", "Vendor shortlist", "Training schedule", "Incident follow-up",
    ];

    private static readonly string[] Details =
    [
        "notes from today", "draft for comments", "action items", "please confirm", "revised figures", "next steps",
        "agenda", "open questions", "final version", "quick question", "reminder", "summary",
    ];

    private static readonly string[] Prefixes = ["", "", "", "Re: ", "Re: ", "Fwd: "];

    private static readonly string[] Sentences =
    [
        "Thanks for pulling this together so quickly.", "I went through the numbers again this morning and they look consistent with last month.",
        "Could you check whether the figures for the northern region include the late orders?", "We agreed to move the deadline by one week to give the team room for testing.",
        "The vendor confirmed the delivery date, but the invoice still shows the old price.", "Let me know if Thursday afternoon works for a short call.",
        "I have attached nothing this time; the document is on the shared drive under the usual folder.", "Marketing would like a first draft before the end of the week.",
        "Please treat the attached plan as confidential until it is announced.", "The test environment will be down between eight and ten tonight for maintenance.",
        "Two of the open tickets are blocked on the supplier; the rest should close this sprint.", "We need a decision on the budget line before the purchase order can go out.",
        "I spoke with the customer and they are happy with the proposed workaround for now.", "Room bookings for the offsite are confirmed; catering is still open.",
        "If anything in the summary is wrong, reply to all so everyone sees the correction.", "The new process starts next Monday, and the old form will be switched off.",
    ];

    private readonly string _recipient;
    private readonly int _bodyBytes;
    private readonly int _count;
    private readonly string _runId;
    private readonly DateTimeOffset _newest;

    public MessageFactory(string recipient, int bodyBytes, int count)
    {
        _recipient = recipient;
        _bodyBytes = Math.Max(200, bodyBytes);
        _count = count;
        _runId = Guid.NewGuid().ToString("N")[..12];
        var now = DateTimeOffset.UtcNow;
        _newest = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
    }

    /// <summary>Message <paramref name="index"/> (0-based; the highest index is the newest).</summary>
    public SeedMessage Create(int index)
    {
        var random = new Random(HashCode.Combine(_runId, index));
        var date = _newest.AddMinutes(-7.0 * (_count - 1 - index)).AddSeconds(random.Next(0, 300));
        var sender = Senders[random.Next(Senders.Length)];
        var subject = $"{Prefixes[random.Next(Prefixes.Length)]}{Topics[random.Next(Topics.Length)]}: {Details[random.Next(Details.Length)]} (ref {index + 1:D5})";
        var text = new StringBuilder(_bodyBytes + 512)
            .Append("From: ").Append(sender).Append("\r\n")
            .Append("To: ").Append(_recipient).Append("\r\n")
            .Append("Subject: ").Append(subject).Append("\r\n")
            .Append("Date: ").Append(date.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Message-ID: <").Append(_runId).Append('.').Append(index.ToString(CultureInfo.InvariantCulture)).Append("@load.eas.test>\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: 7bit\r\n\r\n");
        AppendBody(text, sender, random);
        return new SeedMessage(Encoding.UTF8.GetBytes(text.ToString()), date, Seen: random.Next(3) == 0);
    }

    private void AppendBody(StringBuilder text, string sender, Random random)
    {
        var start = text.Length;
        text.Append("Hi,\r\n\r\n");
        var line = new StringBuilder(80);
        while (text.Length - start < _bodyBytes - 80)
        {
            foreach (var word in Sentences[random.Next(Sentences.Length)].Split(' '))
            {
                if (line.Length + word.Length + 1 > 76)
                {
                    text.Append(line).Append("\r\n");
                    line.Clear();
                }

                if (line.Length > 0) line.Append(' ');
                line.Append(word);
            }

            if (random.Next(4) != 0) continue;
            text.Append(line).Append("\r\n\r\n");
            line.Clear();
        }

        if (line.Length > 0) text.Append(line).Append("\r\n");
        text.Append("\r\nBest regards,\r\n").Append(sender.Split(" <")[0]).Append("\r\n");
    }
}

/// <summary>One generated message: its octets, the date in its header (also used as internal date), and whether it is read.</summary>
internal sealed record SeedMessage(byte[] Bytes, DateTimeOffset Date, bool Seen);
