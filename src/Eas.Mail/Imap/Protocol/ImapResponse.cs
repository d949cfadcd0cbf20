using System.Text;

namespace Eas.Mail.Imap.Protocol;

/// <summary>
/// One complete server response: all its lines and literals (RFC 3501 section 7, RFC 9051 section 7). Status
/// responses carry <see cref="Status"/>, an optional <see cref="Code"/> and <see cref="Text"/>; data responses
/// carry <see cref="Name"/>, the optional leading <see cref="Number"/> (<c>* 3 EXISTS</c>) and <see cref="Data"/>.
/// </summary>
public sealed class ImapResponse
{
    private ImapResponse(ImapResponseKind kind, string? tag)
    {
        Kind = kind;
        Tag = tag;
    }

    public ImapResponseKind Kind { get; }

    /// <summary>The tag of a tagged response; <see langword="null"/> otherwise.</summary>
    public string? Tag { get; }

    public ImapResponseStatus Status { get; private init; }

    public ImapResponseCode? Code { get; private init; }

    /// <summary>Human-readable text (<c>resp-text</c>), or a continuation's text or base64 challenge.</summary>
    public string Text { get; private init; } = "";

    /// <summary>The number before the name of message data, as in <c>* 23 EXISTS</c>.</summary>
    public ulong? Number { get; private init; }

    /// <summary>The upper-cased name of a data response: <c>CAPABILITY</c>, <c>EXISTS</c>, <c>FETCH</c>...</summary>
    public string? Name { get; private init; }

    /// <summary>The values after the name of a data response.</summary>
    public IReadOnlyList<ImapValue> Data { get; private init; } = [];

    public bool IsStatus => Status != ImapResponseStatus.None;

    public static ImapResponse Continuation(string text) =>
        new(ImapResponseKind.Continuation, null) { Text = text };

    public static ImapResponse StatusResponse(
        string? tag, ImapResponseStatus status, ImapResponseCode? code, string text) =>
        new(tag is null ? ImapResponseKind.Untagged : ImapResponseKind.Tagged, tag)
        {
            Status = status,
            Code = code,
            Text = text,
        };

    public static ImapResponse DataResponse(ulong? number, string name, IReadOnlyList<ImapValue> data) =>
        new(ImapResponseKind.Untagged, null) { Number = number, Name = name, Data = data };

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Kind switch
        {
            ImapResponseKind.Tagged => Tag,
            ImapResponseKind.Continuation => "+",
            _ => "*",
        });
        if (IsStatus) text.Append(' ').Append(Status.ToString().ToUpperInvariant());
        if (Number is { } number) text.Append(' ').Append(number);
        if (Name is not null) text.Append(' ').Append(Name);
        foreach (var value in Data) text.Append(' ').Append(value);
        if (Code is not null) text.Append(' ').Append(Code);
        if (Text.Length > 0) text.Append(' ').Append(Text);
        return text.ToString();
    }
}
