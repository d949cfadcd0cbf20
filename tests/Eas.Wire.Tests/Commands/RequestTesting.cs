using Eas.Wire.Commands;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Tests.Commands;

/// <summary>Shorthands for request parser tests.</summary>
internal static class RequestTesting
{
    public static readonly ProtocolVersion V25 = ProtocolVersion.V25;
    public static readonly ProtocolVersion V120 = ProtocolVersion.V120;
    public static readonly ProtocolVersion V121 = ProtocolVersion.V121;
    public static readonly ProtocolVersion V140 = ProtocolVersion.V140;
    public static readonly ProtocolVersion V141 = ProtocolVersion.V141;
    public static readonly ProtocolVersion V160 = ProtocolVersion.V160;
    public static readonly ProtocolVersion V161 = ProtocolVersion.V161;

    public static WbxmlElement Xml(string xml) => WbxmlXml.Parse(xml);

    /// <summary>Asserts the parse fails with a format exception naming <paramref name="element"/>, and returns it.</summary>
    public static EasRequestFormatException Rejects(Func<object> parse, string element)
    {
        var exception = Should.Throw<EasRequestFormatException>(() => parse());
        exception.Element.ShouldBe(element, exception.Message);
        exception.Message.ShouldContain(element.Split(':')[1]);
        return exception;
    }

    /// <summary>The version string of a theory row as a version.</summary>
    public static ProtocolVersion Version(string text) => ProtocolVersion.Parse(text);
}
