using System.Collections.Immutable;
using Eas.Wire.Wbxml;
using SettingsPage = Eas.Wire.CodePages.Settings;

namespace Eas.Wire.Commands.Settings;

/// <summary>Parses a Settings request (MS-ASCMD 2.2.3.168.2) and its Oof, DevicePassword and Get parts.</summary>
internal static class SettingsRequestReader
{
    public static SettingsRequest Read(in RequestReader reader, WbxmlElement root)
    {
        reader.ExpectRoot(root, SettingsPage.SettingsElement);
        if (!SettingsVersionRules.AllowsCommand(reader.Version))
            throw reader.Fail(root.Tag, $"Settings is not supported in protocol version {reader.Version} (MS-ASCMD 2.2.1.18)");
        var request = new SettingsRequest();
        bool seenOof = false, seenPassword = false, seenDevice = false, seenUser = false, seenRights = false;
        foreach (var child in root.Children)
        {
            switch (child.Tag)
            {
                case SettingsPage.Oof:
                    Once(reader, child, ref seenOof);
                    request = ReadOof(reader, child, request);
                    break;
                case SettingsPage.DevicePassword:
                    Once(reader, child, ref seenPassword);
                    request = request with { DevicePassword = ReadDevicePassword(reader, child) };
                    break;
                case SettingsPage.DeviceInformation:
                    Once(reader, child, ref seenDevice);
                    request = request with { DeviceInformation = DeviceInformationReader.Read(reader, child) };
                    break;
                case SettingsPage.UserInformation:
                    Once(reader, child, ref seenUser);
                    ReadEmptyGet(reader, child);
                    request = request with { GetUserInformation = true };
                    break;
                case SettingsPage.RightsManagementInformation:
                    reader.RequireVersion(SettingsVersionRules.AllowsRightsManagementInformation(reader.Version), child, "MS-ASCMD 2.2.3.156");
                    Once(reader, child, ref seenRights);
                    ReadEmptyGet(reader, child);
                    request = request with { GetRightsManagementInformation = true };
                    break;
                default:
                    throw reader.Unexpected(root, child);
            }
        }

        return request;
    }

    private static void Once(in RequestReader reader, WbxmlElement child, ref bool seen)
    {
        if (seen) throw reader.Fail(child.Tag, $"{child.Name} appears more than once");
        seen = true;
    }

    private static SettingsRequest ReadOof(in RequestReader reader, WbxmlElement oof, SettingsRequest request)
    {
        var only = SingleChild(reader, oof);
        switch (only.Tag)
        {
            case SettingsPage.Get:
                string? bodyType = null;
                foreach (var child in reader.NonEmptyContainer(only).Children)
                {
                    if (child.Tag != SettingsPage.BodyType) throw reader.Unexpected(only, child);
                    reader.Once(ref bodyType, child, reader.NonEmptyText(child));
                }

                return request with { OofGetBodyType = bodyType };
            case SettingsPage.Set:
                return request with { OofSet = ReadOofSettings(reader, only) };
            default:
                throw reader.Unexpected(oof, only);
        }
    }

    private static OofSettings ReadOofSettings(in RequestReader reader, WbxmlElement set)
    {
        long? state = null;
        DateTime? start = null, end = null;
        var messages = ImmutableArray.CreateBuilder<OofMessage>();
        foreach (var child in reader.NonEmptyContainer(set).Children)
        {
            switch (child.Tag)
            {
                case SettingsPage.OofState:
                    reader.Once(ref state, child, reader.Number(child, 0, (long)OofState.TimeBased));
                    break;
                case SettingsPage.StartTime:
                    reader.Once(ref start, child, reader.UtcDateTime(child));
                    break;
                case SettingsPage.EndTime:
                    reader.Once(ref end, child, reader.UtcDateTime(child));
                    break;
                case SettingsPage.OofMessage:
                    messages.Add(ReadOofMessage(reader, child));
                    break;
                default:
                    throw reader.Unexpected(set, child);
            }
        }

        return new OofSettings { OofState = (OofState?)state, StartTime = start, EndTime = end, Messages = messages.ToImmutable() };
    }

    private static OofMessage ReadOofMessage(in RequestReader reader, WbxmlElement message)
    {
        OofAudience? audience = null;
        bool? enabled = null;
        string? reply = null, bodyType = null;
        foreach (var child in reader.NonEmptyContainer(message).Children)
        {
            switch (child.Tag)
            {
                case SettingsPage.AppliesToInternal or SettingsPage.AppliesToExternalKnown or SettingsPage.AppliesToExternalUnknown:
                    reader.Empty(child);
                    reader.Once(ref audience, child, child.Tag switch
                    {
                        SettingsPage.AppliesToInternal => OofAudience.Internal,
                        SettingsPage.AppliesToExternalKnown => OofAudience.ExternalKnown,
                        _ => OofAudience.ExternalUnknown,
                    });
                    break;
                case SettingsPage.Enabled:
                    reader.Once(ref enabled, child, reader.Flag(child));
                    break;
                case SettingsPage.ReplyMessage:
                    reader.Once(ref reply, child, reader.Text(child));
                    break;
                case SettingsPage.BodyType:
                    reader.Once(ref bodyType, child, reader.NonEmptyText(child));
                    break;
                default:
                    throw reader.Unexpected(message, child);
            }
        }

        if (audience is null) throw reader.Fail(message.Tag, "Settings:OofMessage lacks an AppliesToInternal, AppliesToExternalKnown or AppliesToExternalUnknown element");
        return new OofMessage(audience.Value) { Enabled = enabled, ReplyMessage = reply, BodyType = bodyType };
    }

    private static string ReadDevicePassword(in RequestReader reader, WbxmlElement devicePassword)
    {
        var set = SingleChild(reader, devicePassword);
        if (set.Tag != SettingsPage.Set) throw reader.Unexpected(devicePassword, set);
        string? password = null;
        foreach (var child in reader.NonEmptyContainer(set).Children)
        {
            if (child.Tag != SettingsPage.Password) throw reader.Unexpected(set, child);
            reader.Once(ref password, child, reader.Text(child));
        }

        return password!;
    }

    private static void ReadEmptyGet(in RequestReader reader, WbxmlElement parent)
    {
        var get = SingleChild(reader, parent);
        if (get.Tag != SettingsPage.Get) throw reader.Unexpected(parent, get);
        reader.Empty(get);
    }

    private static WbxmlElement SingleChild(in RequestReader reader, WbxmlElement parent)
    {
        var first = reader.NonEmptyContainer(parent).FirstChild!;
        if (first.NextSibling is { } extra) throw reader.Unexpected(parent, extra);
        return first;
    }
}
