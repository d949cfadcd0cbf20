using System.Collections;
using System.Reflection;
using System.Text.Json;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Tests.Cluster.Serialization;

/// <summary>
/// Compares two object graphs by their public properties, recursively: records holding immutable arrays are not
/// equal by <c>Equals</c> (the arrays compare by reference), and a test that a copy arrived must not depend on that.
/// WBXML elements compare by their encoding, byte memories by their bytes, offsets exactly (offset included).
/// </summary>
internal static class Structural
{
    /// <summary>Fails with the path of the first difference.</summary>
    public static void ShouldBeStructurallyEqual(this object? actual, object? expected, string? context = null)
    {
        var difference = Difference(expected, actual, "$");
        if (difference is not null) throw new Xunit.Sdk.XunitException($"{context}{(context is null ? "" : ": ")}{difference}");
    }

    private static string? Difference(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null) return expected is null && actual is null ? null : Differ(path, expected, actual);
        if (expected.GetType() != actual.GetType()) return $"{path}: {expected.GetType().Name} expected, {actual.GetType().Name} found";
        switch (expected)
        {
            case WbxmlElement element:
                return Bytes(WbxmlWriter.Encode(element), WbxmlWriter.Encode((WbxmlElement)actual), path);
            case ReadOnlyMemory<byte> memory:
                return Bytes(memory.ToArray(), ((ReadOnlyMemory<byte>)actual).ToArray(), path);
            case JsonElement json:
                return json.GetRawText() == ((JsonElement)actual).GetRawText() ? null : Differ(path, json, actual);
            case DateTimeOffset offset:
                return offset.EqualsExact((DateTimeOffset)actual) ? null : Differ(path, expected, actual);
            case string or decimal or Guid or TimeSpan or DateTime:
                return Equals(expected, actual) ? null : Differ(path, expected, actual);
            case IEnumerable sequence:
                return Sequences(sequence, (IEnumerable)actual, path);
        }

        var type = expected.GetType();
        if (type.IsPrimitive || type.IsEnum || IsEquatableValue(type)) return Equals(expected, actual) ? null : Differ(path, expected, actual);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            var difference = Difference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
            if (difference is not null) return difference;
        }

        return null;
    }

    private static string? Sequences(IEnumerable expected, IEnumerable actual, string path)
    {
        var left = expected.Cast<object?>().ToList();
        var right = actual.Cast<object?>().ToList();
        if (left.Count != right.Count) return $"{path}: {left.Count} items expected, {right.Count} found";
        for (var i = 0; i < left.Count; i++)
        {
            var difference = Difference(left[i], right[i], $"{path}[{i}]");
            if (difference is not null) return difference;
        }

        return null;
    }

    private static string? Bytes(byte[] expected, byte[] actual, string path) =>
        expected.AsSpan().SequenceEqual(actual) ? null : $"{path}: {expected.Length} bytes expected, {actual.Length} different bytes found";

    private static bool IsEquatableValue(Type type) =>
        type.IsValueType && type.GetInterfaces().Contains(typeof(IEquatable<>).MakeGenericType(type));

    private static string Differ(string path, object? expected, object? actual) => $"{path}: '{expected}' expected, '{actual}' found";
}
