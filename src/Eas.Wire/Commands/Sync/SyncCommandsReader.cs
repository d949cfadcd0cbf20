using System.Collections.Immutable;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Sync;

/// <summary>Parses the client's Commands of a Sync collection (MS-ASCMD 2.2.3.32): Add, Change, Delete, Fetch.</summary>
internal static class SyncCommandsReader
{
    public static ImmutableArray<SyncClientCommand> Read(in RequestReader reader, WbxmlElement commands)
    {
        var list = ImmutableArray.CreateBuilder<SyncClientCommand>();
        foreach (var command in reader.NonEmptyContainer(commands).Children)
        {
            list.Add(command.Tag switch
            {
                AirSync.Add => ReadAdd(reader, command),
                AirSync.Change => ReadChange(reader, command),
                AirSync.Delete => ReadDelete(reader, command),
                AirSync.Fetch => new SyncClientFetch(ReadServerIdOnly(reader, command)),
                _ => throw reader.Unexpected(commands, command),
            });
        }

        return list.ToImmutable();
    }

    private static SyncClientAdd ReadAdd(in RequestReader reader, WbxmlElement add)
    {
        string? clientId = null, itemClass = null;
        WbxmlElement? data = null;
        foreach (var child in reader.Container(add).Children)
        {
            switch (child.Tag)
            {
                case AirSync.ClientId:
                    reader.Once(ref clientId, child, reader.NonEmptyText(child, 64));
                    break;
                case AirSync.Class:
                    reader.RequireVersion(SyncVersionRules.AllowsItemClass(reader.Version), child, "MS-ASCMD 2.2.3.27.6");
                    reader.Once(ref itemClass, child, reader.NonEmptyText(child));
                    break;
                case AirSync.ApplicationData:
                    reader.Once(ref data, child, reader.Container(child));
                    break;
                default:
                    throw reader.Unexpected(add, child);
            }
        }

        return new SyncClientAdd(
            clientId ?? throw reader.Missing(add, AirSync.ClientId),
            data ?? throw reader.Missing(add, AirSync.ApplicationData))
        {
            Class = itemClass,
        };
    }

    private static SyncClientChange ReadChange(in RequestReader reader, WbxmlElement change)
    {
        string? serverId = null;
        WbxmlElement? data = null;
        foreach (var child in reader.Container(change).Children)
        {
            switch (child.Tag)
            {
                case AirSync.ServerId:
                    reader.Once(ref serverId, child, reader.NonEmptyText(child, 64));
                    break;
                case AirSync.ApplicationData:
                    reader.Once(ref data, child, reader.Container(child));
                    break;
                default:
                    throw reader.Unexpected(change, child);
            }
        }

        return new SyncClientChange(
            serverId ?? throw reader.Missing(change, AirSync.ServerId),
            data ?? throw reader.Missing(change, AirSync.ApplicationData));
    }

    /// <summary>Delete: ServerId, and from 16.0 an optional airsyncbase:InstanceId naming one occurrence (MS-ASCMD 2.2.3.42.2).</summary>
    private static SyncClientDelete ReadDelete(in RequestReader reader, WbxmlElement delete)
    {
        string? serverId = null, instanceId = null;
        foreach (var child in reader.Container(delete).Children)
        {
            switch (child.Tag)
            {
                case AirSync.ServerId:
                    reader.Once(ref serverId, child, reader.NonEmptyText(child, 64));
                    break;
                case AirSyncBase.InstanceId:
                    reader.RequireVersion(reader.Version >= Http.ProtocolVersion.V160, child, "MS-ASAIRS 2.2.2.25");
                    reader.Once(ref instanceId, child, reader.NonEmptyText(child, 64));
                    break;
                default:
                    throw reader.Unexpected(delete, child);
            }
        }

        return new SyncClientDelete(serverId ?? throw reader.Missing(delete, AirSync.ServerId)) { InstanceId = instanceId };
    }

    private static string ReadServerIdOnly(in RequestReader reader, WbxmlElement command)
    {
        string? serverId = null;
        foreach (var child in reader.Container(command).Children)
        {
            if (child.Tag != AirSync.ServerId) throw reader.Unexpected(command, child);
            reader.Once(ref serverId, child, reader.NonEmptyText(child, 64));
        }

        return serverId ?? throw reader.Missing(command, AirSync.ServerId);
    }
}
