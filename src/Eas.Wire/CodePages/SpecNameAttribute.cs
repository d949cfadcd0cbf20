namespace Eas.Wire.CodePages;

/// <summary>
/// The MS-ASWBXML name of a tag whose constant cannot carry it, because C# forbids a member named like its
/// class (<c>Ping.Ping</c>). <see cref="CodePageTable"/> reports and resolves the tag by this name.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
internal sealed class SpecNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
