using System.Reflection;
using Eas.Actors.Cluster;
using Eas.Actors.Cluster.Serialization;
using Eas.Actors.Devices;

namespace Eas.Actors.Tests.Cluster.Serialization;

/// <summary>
/// The types a cluster message can hold, by its public properties, collection elements, the kinds of polymorphic
/// Wire records and the tables behind the two properties typed <see cref="object"/>; only our own types are walked.
/// </summary>
internal static class TypeGraph
{
    public static bool Reaches(Type from, Type target)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([from]);
        while (pending.TryPop(out var type))
        {
            if (type == target) return true;
            if (!seen.Add(type)) continue;
            foreach (var next in Next(type)) pending.Push(next);
        }

        return false;
    }

    private static IEnumerable<Type> Next(Type type)
    {
        if (type.IsGenericType) foreach (var argument in type.GetGenericArguments()) yield return argument;
        if (type.IsArray) yield return type.GetElementType()!;
        if (!IsOurs(type)) yield break;
        if (WireKinds.Hierarchies.TryGetValue(type, out var kinds)) foreach (var (_, derived) in kinds) yield return derived;
        if (type.IsAbstract) foreach (var derived in type.Assembly.GetExportedTypes().Where(t => !t.IsAbstract && type.IsAssignableFrom(t))) yield return derived;
        if (type == typeof(AccountEnvelope)) foreach (var message in ClusterManifests.ByType.Keys) yield return message;
        if (type == typeof(DeviceRequest)) foreach (var body in WireKinds.BodyKinds.Keys) yield return body;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)) yield return property.PropertyType;
    }

    private static bool IsOurs(Type type) => type.Assembly.GetName().Name!.StartsWith("Eas.", StringComparison.Ordinal);
}
