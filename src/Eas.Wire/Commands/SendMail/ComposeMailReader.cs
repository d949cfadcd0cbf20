using System.Collections.Immutable;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.SendMail;

/// <summary>
/// Parses the ComposeMail body of SendMail, SmartReply and SmartForward (MS-ASCMD 2.2.1.17, 2.2.1.20,
/// 2.2.1.19). ClientId and Mime are required everywhere; Source is required in SmartReply and
/// SmartForward and not allowed in SendMail; ReplaceMime likewise; Forwardees only in SmartForward.
/// </summary>
internal static class ComposeMailReader
{
    /// <summary>The longest ClientId the schema allows (MS-ASCMD 6.5).</summary>
    public const int MaxClientIdLength = 40;

    public static ComposeMailFields Read(in RequestReader reader, WbxmlElement root, ushort rootTag)
    {
        reader.ExpectRoot(root, rootTag);
        if (!ComposeMailVersionRules.UsesWbxmlBody(reader.Version))
            throw reader.Fail(root.Tag, $"a WBXML body is not used in protocol version {reader.Version}; the body is MIME (MS-ASCMD 2.2.1.17)");
        var isSendMail = rootTag == ComposeMail.SendMail;
        string? clientId = null, accountId = null, templateId = null;
        WbxmlElement? mime = null;
        bool? save = null, replace = null;
        ComposeMailSource? source = null;
        ImmutableArray<ComposeMailForwardee>? forwardees = null;
        foreach (var child in root.Children)
        {
            switch (child.Tag)
            {
                case ComposeMail.ClientId:
                    reader.Once(ref clientId, child, reader.NonEmptyText(child, MaxClientIdLength));
                    break;
                case ComposeMail.AccountId:
                    reader.RequireVersion(ComposeMailVersionRules.AllowsAccountId(reader.Version), child, "MS-ASCMD 2.2.3.3.1");
                    reader.Once(ref accountId, child, reader.NonEmptyText(child));
                    break;
                case ComposeMail.SaveInSentItems:
                    reader.Empty(child);
                    reader.Once(ref save, child, true);
                    break;
                case ComposeMail.ReplaceMime when !isSendMail:
                    reader.Empty(child);
                    reader.Once(ref replace, child, true);
                    break;
                case ComposeMail.Mime:
                    if (child.HasChildren) throw reader.Fail(child.Tag, "ComposeMail:Mime holds elements instead of a value");
                    reader.Once(ref mime, child, child);
                    break;
                case ComposeMail.Source when !isSendMail:
                    reader.Once(ref source, child, ReadSource(reader, child));
                    break;
                case RightsManagement.TemplateID:
                    reader.RequireVersion(ComposeMailVersionRules.AllowsTemplateId(reader.Version), child, "MS-ASRM 2.2.2.19");
                    reader.Once(ref templateId, child, reader.NonEmptyText(child));
                    break;
                case ComposeMail.Forwardees when rootTag == ComposeMail.SmartForward:
                    reader.RequireVersion(ComposeMailVersionRules.AllowsForwardees(reader.Version), child, "MS-ASCMD 2.2.3.79");
                    reader.Once(ref forwardees, child, ReadForwardees(reader, child));
                    break;
                default:
                    throw reader.Unexpected(root, child);
            }
        }

        if (!isSendMail && source is null) throw reader.Missing(root, ComposeMail.Source);
        return new ComposeMailFields(
            clientId ?? throw reader.Missing(root, ComposeMail.ClientId),
            (mime ?? throw reader.Missing(root, ComposeMail.Mime)).RawValue,
            accountId,
            save ?? false,
            replace ?? false,
            templateId,
            source,
            forwardees ?? []);
    }

    private static ComposeMailSource ReadSource(in RequestReader reader, WbxmlElement source)
    {
        string? folderId = null, itemId = null, longId = null, instanceId = null;
        foreach (var child in reader.NonEmptyContainer(source).Children)
        {
            switch (child.Tag)
            {
                case ComposeMail.FolderId:
                    reader.Once(ref folderId, child, reader.NonEmptyText(child, 64));
                    break;
                case ComposeMail.ItemId:
                    reader.Once(ref itemId, child, reader.NonEmptyText(child, 64));
                    break;
                case ComposeMail.LongId:
                    reader.Once(ref longId, child, reader.NonEmptyText(child));
                    break;
                case ComposeMail.InstanceId:
                    reader.Once(ref instanceId, child, reader.NonEmptyText(child));
                    break;
                default:
                    throw reader.Unexpected(source, child);
            }
        }

        if (longId is null && itemId is null) throw reader.Missing(source, ComposeMail.ItemId);
        return new ComposeMailSource { FolderId = folderId, ItemId = itemId, LongId = longId, InstanceId = instanceId };
    }

    private static ImmutableArray<ComposeMailForwardee> ReadForwardees(in RequestReader reader, WbxmlElement forwardees)
    {
        var list = ImmutableArray.CreateBuilder<ComposeMailForwardee>();
        foreach (var forwardee in reader.NonEmptyContainer(forwardees).Children)
        {
            if (forwardee.Tag != ComposeMail.Forwardee) throw reader.Unexpected(forwardees, forwardee);
            string? email = null, name = null;
            foreach (var child in reader.NonEmptyContainer(forwardee).Children)
            {
                switch (child.Tag)
                {
                    case ComposeMail.Email:
                        reader.Once(ref email, child, reader.NonEmptyText(child));
                        break;
                    case ComposeMail.Name:
                        reader.Once(ref name, child, reader.Text(child));
                        break;
                    default:
                        throw reader.Unexpected(forwardee, child);
                }
            }

            list.Add(new ComposeMailForwardee(email ?? throw reader.Missing(forwardee, ComposeMail.Email)) { Name = name });
        }

        return list.ToImmutable();
    }
}
