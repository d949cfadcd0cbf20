using Eas.Integration.Tests.Support.Schema;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Tests.Schema;

/// <summary>Validates a response written as XML (<see cref="WbxmlXml"/>) against its command's schema.</summary>
internal static class SchemaCase
{
    public static SchemaViolation? Check(string command, string xml)
    {
        var schema = ResponseSchemas.For(command) ?? throw new InvalidOperationException($"No schema for {command}.");
        return SchemaValidator.Validate(WbxmlXml.Parse(xml), schema);
    }

    public static void Conforms(string command, string xml)
    {
        var violation = Check(command, xml);
        violation.ShouldBeNull(violation?.ToString());
    }

    public static SchemaViolation Breaks(string command, string xml, SchemaViolationKind kind, string path)
    {
        var violation = Check(command, xml).ShouldNotBeNull();
        violation.Kind.ShouldBe(kind, violation.ToString());
        violation.Path.ShouldBe(path, violation.ToString());
        return violation;
    }
}
