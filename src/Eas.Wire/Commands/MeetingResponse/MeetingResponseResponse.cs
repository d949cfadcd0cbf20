using System.Collections.Immutable;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using MeetingPage = Eas.Wire.CodePages.MeetingResponse;

namespace Eas.Wire.Commands.MeetingResponse;

/// <summary>
/// A MeetingResponse response (MS-ASCMD 2.2.1.11, schema 6.26): one Result per Request, in order, each RequestId,
/// Status, CalendarId (the calendar item's ServerId after an accept or tentative accept, 2.2.3.18) and InstanceId (16.x,
/// the occurrence answered).
/// </summary>
public sealed record MeetingResponseResponse(ImmutableArray<MeetingResponseResult> Results) : IEasResponse
{
    public void Write(WbxmlWriter writer, ProtocolVersion version)
    {
        writer.StartElement(MeetingPage.MeetingResponseElement);
        foreach (var result in Results.IsDefault ? [] : Results)
        {
            writer.StartElement(MeetingPage.Result);
            writer.WriteOptional(MeetingPage.RequestId, result.RequestId);
            writer.WriteStatus(MeetingPage.Status, result.Status);
            writer.WriteOptional(MeetingPage.CalendarId, result.CalendarId);
            if (version >= ProtocolVersion.V160) writer.WriteOptional(MeetingPage.InstanceId, result.InstanceId);
            writer.EndElement();
        }

        writer.EndElement();
    }
}

/// <summary>One Result (MS-ASCMD 2.2.3.155.2).</summary>
public sealed record MeetingResponseResult(string? RequestId, MeetingResponseStatus Status)
{
    public string? CalendarId { get; init; }
    public string? InstanceId { get; init; }
}
