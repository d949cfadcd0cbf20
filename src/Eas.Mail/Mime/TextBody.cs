namespace Eas.Mail.Mime;

/// <summary>A message body as text, cut to the limit asked for.</summary>
/// <param name="Text">The body, decoded from its charset; never ends inside a character.</param>
/// <param name="Truncated">Whether the whole body was larger than the limit (EAS Truncated).</param>
/// <param name="FullSize">The whole body's size in the unit asked for (EAS EstimatedDataSize).</param>
/// <param name="Converted">
/// Whether some or all of the text was converted from the other kind: HTML made into plain text for a message
/// with no text part, or a text part of a multipart/mixed written as HTML.
/// </param>
public sealed record TextBody(string Text, bool Truncated, long FullSize, bool Converted);
