namespace Eas.Wire.Wbxml;

/// <summary>What an element carries besides children.</summary>
public enum WbxmlValueKind
{
    /// <summary>No value: an empty element or one with children.</summary>
    None,

    /// <summary>A UTF-8 string (STR_I).</summary>
    Text,

    /// <summary>Opaque bytes (OPAQUE).</summary>
    Opaque,
}
