using System.Collections.Immutable;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using AirSyncBasePage = Eas.Wire.CodePages.AirSyncBase;
using MeetingPage = Eas.Wire.CodePages.MeetingResponse;
using SearchPage = Eas.Wire.CodePages.Search;

namespace Eas.Wire.Commands.MeetingResponse;

/// <summary>
/// A MeetingResponse request (MS-ASCMD 2.2.1.11, schema 6.25): one Request per meeting answered. Each names its meeting
/// request by CollectionId and RequestId, or by a Search LongId alone (2.2.3.102.1); InstanceId (2.2.3.92.1, 14.1+)
/// picks one occurrence; SendResponse (2.2.3.163, 16.0+) asks the server to send the answer, with a body and a proposed
/// new time (ProposedStartTime and ProposedEndTime, both or neither, 2.2.3.141, 2.2.3.140).
/// </summary>
public sealed record MeetingResponseRequest(ImmutableArray<MeetingResponseItem> Requests)
{
    /// <exception cref="EasRequestFormatException">The body is not a MeetingResponse request.</exception>
    public static MeetingResponseRequest Parse(WbxmlElement root, ProtocolVersion version)
    {
        var reader = new RequestReader(EasCommand.MeetingResponse, version);
        reader.ExpectRoot(root, MeetingPage.MeetingResponseElement);
        var items = ImmutableArray.CreateBuilder<MeetingResponseItem>();
        foreach (var request in reader.NonEmptyContainer(root).Children)
        {
            if (request.Tag != MeetingPage.Request) throw reader.Unexpected(root, request);
            items.Add(ReadRequest(reader, request));
        }

        return new MeetingResponseRequest(items.ToImmutable());
    }

    private static MeetingResponseItem ReadRequest(RequestReader reader, WbxmlElement request)
    {
        int? userResponse = null;
        string? collectionId = null, requestId = null, longId = null, instanceId = null;
        MeetingSendResponse? send = null;
        foreach (var child in reader.Container(request).Children)
        {
            switch (child.Tag)
            {
                case MeetingPage.UserResponse:
                    reader.Once(ref userResponse, child, reader.Int(child, 1, 3));
                    break;
                case MeetingPage.CollectionId:
                    reader.Once(ref collectionId, child, reader.NonEmptyText(child, 64));
                    break;
                case MeetingPage.RequestId:
                    reader.Once(ref requestId, child, reader.NonEmptyText(child, 64));
                    break;
                case SearchPage.LongId:
                    reader.Once(ref longId, child, reader.NonEmptyText(child, 256));
                    break;
                case MeetingPage.InstanceId:
                    reader.Once(ref instanceId, child, reader.NonEmptyText(child, 64));
                    break;
                case MeetingPage.SendResponse:
                    reader.RequireVersion(reader.Version >= ProtocolVersion.V160, child, "MS-ASCMD 2.2.3.163");
                    reader.Once(ref send, child, ReadSendResponse(reader, child));
                    break;
                default:
                    throw reader.Unexpected(request, child);
            }
        }

        if (longId is null && requestId is null) throw reader.Missing(request, MeetingPage.RequestId);
        if (longId is null && collectionId is null) throw reader.Missing(request, MeetingPage.CollectionId);
        return new MeetingResponseItem((MeetingUserResponse)(userResponse ?? throw reader.Missing(request, MeetingPage.UserResponse)))
        {
            CollectionId = collectionId,
            RequestId = requestId,
            LongId = longId,
            InstanceId = instanceId,
            SendResponse = send,
        };
    }

    private static MeetingSendResponse ReadSendResponse(RequestReader reader, WbxmlElement element)
    {
        string? body = null;
        DateTime? start = null, end = null;
        foreach (var child in element.Children)
        {
            switch (child.Tag)
            {
                case AirSyncBasePage.Body:
                    reader.Once(ref body, child, child.ValueOf(AirSyncBasePage.Data) ?? string.Empty);
                    break;
                case MeetingPage.ProposedStartTime:
                    reader.Once(ref start, child, CompactTime(reader, child));
                    break;
                case MeetingPage.ProposedEndTime:
                    reader.Once(ref end, child, CompactTime(reader, child));
                    break;
                default:
                    throw reader.Unexpected(element, child);
            }
        }

        if (start is not null && end is null) throw reader.Missing(element, MeetingPage.ProposedEndTime);
        if (end is not null && start is null) throw reader.Missing(element, MeetingPage.ProposedStartTime);
        return new MeetingSendResponse(body, start, end);
    }

    /// <summary>A Compact DateTime (MS-ASDTYPE 2.7.2, <c>20250601T080000Z</c>); the long dateTime form is taken too.</summary>
    private static DateTime CompactTime(RequestReader reader, WbxmlElement element) =>
        DateTime.TryParseExact(element.Text, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : reader.UtcDateTime(element);
}

/// <summary>One Request (MS-ASCMD 2.2.3.150.2): the answer and the meeting request it answers.</summary>
public sealed record MeetingResponseItem(MeetingUserResponse UserResponse)
{
    public string? CollectionId { get; init; }
    public string? RequestId { get; init; }

    /// <summary>search:LongId (MS-ASCMD 2.2.3.102.1); when present CollectionId and RequestId are not.</summary>
    public string? LongId { get; init; }

    /// <summary>The occurrence's start (MS-ASCMD 2.2.3.92.1) as the phone wrote it; checked by the command, whose status it decides.</summary>
    public string? InstanceId { get; init; }

    /// <summary>16.0+: send the answer to the organizer (absent: send nothing, MS-ASCMD 2.2.3.163).</summary>
    public MeetingSendResponse? SendResponse { get; init; }
}

/// <summary>SendResponse (MS-ASCMD 2.2.3.163): the note's text (empty for none) and a proposed new time.</summary>
public sealed record MeetingSendResponse(string? Body, DateTime? ProposedStart, DateTime? ProposedEnd);

/// <summary>UserResponse (MS-ASCMD 2.2.3.182).</summary>
public enum MeetingUserResponse
{
    Accepted = 1,
    TentativelyAccepted = 2,
    Declined = 3,
}
