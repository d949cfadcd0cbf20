using System.Buffers;
using System.Text;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Benchmarks.Wire;

/// <summary>
/// The document the WBXML benchmarks work on: a Sync response with 100 new emails, each with a plain-text
/// body of about 2 KB, as a server sends a phone's first window of an Inbox. Built deterministically, so
/// the benchmark process and the BenchmarkDotNet host (whose columns need the size and element count)
/// see the same bytes.
/// </summary>
public static class SyncResponseFixture
{
    public const int EmailCount = 100;

    public static SyncResponseModel Model { get; } = BuildModel();

    /// <summary>The encoded response, as the streaming writer produces it from <see cref="Model"/>.</summary>
    public static byte[] Document { get; } = Encode(Model);

    /// <summary>The same response as a composed element tree (owned values, not slices of a decoded buffer).</summary>
    public static WbxmlElement Tree { get; } = BuildTree(Model);

    /// <summary>How many elements the document has; the divisor of the per-element allocation figure.</summary>
    public static int ElementCount { get; } = Count(WbxmlDocument.Parse(Document));

    /// <summary>Writes the response from the model, as a Sync handler would.</summary>
    public static void Write(WbxmlWriter w, SyncResponseModel model)
    {
        w.StartElement(AirSync.Sync);
        w.StartElement(AirSync.Collections);
        w.StartElement(AirSync.Collection);
        w.WriteElementString(AirSync.SyncKey, model.SyncKey);
        w.WriteElementString(AirSync.CollectionId, model.CollectionId);
        w.WriteElementInt(AirSync.Status, 1);
        w.StartElement(AirSync.Commands);
        // Indexed, because foreach over an IReadOnlyList boxes an enumerator the codec should not be charged for.
        for (var i = 0; i < model.Emails.Count; i++)
        {
            var email = model.Emails[i];
            w.StartElement(AirSync.Add);
            w.WriteElementString(AirSync.ServerId, email.ServerId);
            w.StartElement(AirSync.ApplicationData);
            w.WriteElementString(Email.To, email.To);
            w.WriteElementString(Email.From, email.From);
            w.WriteElementString(Email.Subject, email.Subject);
            w.WriteElementString(Email.DateReceived, email.DateReceived);
            w.WriteElementString(Email.DisplayTo, email.DisplayTo);
            w.WriteElementInt(Email.Importance, email.Importance);
            w.WriteElementInt(Email.Read, email.Read ? 1 : 0);
            w.StartElement(AirSyncBase.Body);
            w.WriteElementInt(AirSyncBase.Type, 1);
            w.WriteElementInt(AirSyncBase.EstimatedDataSize, email.BodySize);
            w.WriteElementInt(AirSyncBase.Truncated, 0);
            w.WriteElementString(AirSyncBase.Data, email.Body);
            w.EndElement();
            w.WriteElementString(Email.MessageClass, email.MessageClass);
            w.WriteElementInt(Email.InternetCPID, email.InternetCpid);
            w.WriteEmptyElement(Email.Flag);
            w.WriteElementInt(AirSyncBase.NativeBodyType, 1);
            w.StartElement(Email2.ConversationId);
            w.WriteOpaque(email.ConversationId);
            w.EndElement();
            w.StartElement(Email2.ConversationIndex);
            w.WriteOpaque(email.ConversationIndex);
            w.EndElement();
            w.EndElement();
            w.EndElement();
        }

        w.EndElement();
        w.EndElement();
        w.EndElement();
        w.EndElement();
    }

    private static byte[] Encode(SyncResponseModel model)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * 1024);
        var writer = new WbxmlWriter(buffer);
        Write(writer, model);
        writer.Finish();
        return buffer.WrittenSpan.ToArray();
    }

    private static WbxmlElement BuildTree(SyncResponseModel model)
    {
        static WbxmlElement Number(ushort tag, int value) => WbxmlElement.WithText(tag, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var commands = new WbxmlElement(AirSync.Commands);
        foreach (var email in model.Emails)
        {
            commands.Add(WbxmlElement.WithChildren(AirSync.Add,
                WbxmlElement.WithText(AirSync.ServerId, email.ServerId),
                WbxmlElement.WithChildren(AirSync.ApplicationData,
                    WbxmlElement.WithText(Email.To, email.To),
                    WbxmlElement.WithText(Email.From, email.From),
                    WbxmlElement.WithText(Email.Subject, email.Subject),
                    WbxmlElement.WithText(Email.DateReceived, email.DateReceived),
                    WbxmlElement.WithText(Email.DisplayTo, email.DisplayTo),
                    Number(Email.Importance, email.Importance),
                    Number(Email.Read, email.Read ? 1 : 0),
                    WbxmlElement.WithChildren(AirSyncBase.Body,
                        Number(AirSyncBase.Type, 1),
                        Number(AirSyncBase.EstimatedDataSize, email.BodySize),
                        Number(AirSyncBase.Truncated, 0),
                        WbxmlElement.WithText(AirSyncBase.Data, email.Body)),
                    WbxmlElement.WithText(Email.MessageClass, email.MessageClass),
                    Number(Email.InternetCPID, email.InternetCpid),
                    new WbxmlElement(Email.Flag),
                    Number(AirSyncBase.NativeBodyType, 1),
                    WbxmlElement.WithOpaque(Email2.ConversationId, email.ConversationId),
                    WbxmlElement.WithOpaque(Email2.ConversationIndex, email.ConversationIndex))));
        }

        return WbxmlElement.WithChildren(AirSync.Sync,
            WbxmlElement.WithChildren(AirSync.Collections,
                WbxmlElement.WithChildren(AirSync.Collection,
                    WbxmlElement.WithText(AirSync.SyncKey, model.SyncKey),
                    WbxmlElement.WithText(AirSync.CollectionId, model.CollectionId),
                    Number(AirSync.Status, 1),
                    commands)));
    }

    private static int Count(WbxmlElement element)
    {
        var count = 1;
        foreach (var child in element.Children) count += Count(child);
        return count;
    }

    private static SyncResponseModel BuildModel()
    {
        var random = new Random(20240311);
        string[] people = ["Alice Martin", "Bob Lee", "Chen Wei", "Dana Øster", "Emre Yılmaz", "Fatima Haddad", "Gregor Schäfer", "Hana Sato"];
        string[] subjects = ["Quarterly numbers", "Re: Lunch tomorrow?", "Fwd: Contract draft v3", "Release notes – build 4711", "Travel plans for März", "Re: Re: Server migration"];
        var emails = new List<SyncEmail>(EmailCount);
        var received = new DateTime(2024, 3, 11, 9, 15, 0, DateTimeKind.Utc);
        for (var i = 0; i < EmailCount; i++)
        {
            var from = people[random.Next(people.Length)];
            var body = Body(random, from, i);
            var conversationId = new byte[16];
            random.NextBytes(conversationId);
            var conversationIndex = new byte[5];
            random.NextBytes(conversationIndex);
            emails.Add(new SyncEmail(
                ServerId: $"5:{i + 1}",
                To: "\"Alice Martin\" <alice@contoso.com>",
                From: $"\"{from}\" <{from.Split(' ')[0].ToLowerInvariant()}@example.org>",
                Subject: subjects[random.Next(subjects.Length)],
                DateReceived: received.AddMinutes(-17 * i).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                DisplayTo: "Alice Martin",
                Importance: 1,
                Read: i % 3 == 0,
                Body: body,
                BodySize: Encoding.UTF8.GetByteCount(body),
                MessageClass: "IPM.Note",
                InternetCpid: 65001,
                ConversationId: conversationId,
                ConversationIndex: conversationIndex));
        }

        return new SyncResponseModel("{b3a1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d}7", "5", emails);
    }

    /// <summary>About 2 KB of plain text in lines of mail-like prose, different for every email.</summary>
    private static string Body(Random random, string from, int index)
    {
        string[] sentences =
        [
            "Thanks for the update on the migration schedule.",
            "I have attached the figures we discussed on Monday; please check the totals in section 3.",
            "Could you confirm whether the staging servers are ready before Friday?",
            "The customer asked for a short summary of the open issues and their owners.",
            "Let us move the review to Thursday at 14:00, room 4.12.",
            "Für die Übersicht habe ich die Änderungen farbig markiert.",
            "If anything is unclear, call me on my mobile any time.",
            "We still need sign-off from legal before the contract goes out.",
        ];
        var text = new StringBuilder(2200);
        text.Append("Hi Alice,\r\n\r\n");
        while (text.Length < 1950)
        {
            text.Append(sentences[random.Next(sentences.Length)]);
            text.Append(random.Next(4) == 0 ? "\r\n\r\n" : " ");
        }

        text.Append($"\r\n\r\nBest regards,\r\n{from}\r\n(message {index + 1})\r\n");
        return text.ToString();
    }
}
