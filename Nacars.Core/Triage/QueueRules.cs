using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Nacars.Core.Contacts;

namespace Nacars.Core.Triage;

/// <summary>
/// Which contacts a queue view shows, written once: as expressions over <see cref="Contact"/> that EF translates (each
/// one a WHERE, so the indexes serve it as before), and the same expressions rewritten over a <see cref="QueueItem"/>
/// and compiled, for a live page deciding whether a changed row belongs in its view. The subject's number and surname
/// are not here: they match through keyed hashes only the database holds.
/// </summary>
internal static class QueueRules
{
    private static readonly ConditionalWeakTable<QueueFilter, Func<QueueItem, bool>> Compiled = new();

    public static IReadOnlyList<Expression<Func<Contact, bool>>> Of(QueueFilter f)
    {
        var rules = new List<Expression<Func<Contact, bool>>>();
        switch (f.Status)
        {
            case StatusFilter.Open: rules.Add(c => c.Status == ContactStatus.New || c.Status == ContactStatus.InTriage || c.NewInformationAtUtc != null); break;
            case StatusFilter.NewInformation: rules.Add(c => c.NewInformationAtUtc != null); break;
            case StatusFilter.New: rules.Add(c => c.Status == ContactStatus.New); break;
            case StatusFilter.InTriage: rules.Add(c => c.Status == ContactStatus.InTriage); break;
            case StatusFilter.Disseminated: rules.Add(c => c.Status == ContactStatus.Disseminated); break;
            case StatusFilter.NotDisseminated: rules.Add(c => c.Status == ContactStatus.NotDisseminated); break;
        }
        if (!string.IsNullOrEmpty(f.ForceCode))
        {
            var force = f.ForceCode;
            rules.Add(c => c.ForceCode == force);
        }
        if (f.Channel is { } channel) rules.Add(c => c.Channel == channel);
        if (f.Urgent is { } urgent) rules.Add(c => c.Urgent == urgent);
        var (fromUtc, beforeUtc) = f.ReceivedBoundsUtc;
        if (fromUtc is { } from) rules.Add(c => c.ReceivedAtUtc >= from);
        if (beforeUtc is { } before) rules.Add(c => c.ReceivedAtUtc < before);
        if (!string.IsNullOrWhiteSpace(f.Analyst))
        {
            var analyst = f.Analyst.Trim();
            rules.Add(c => c.ClaimedBy == analyst || c.DecidedBy == analyst);
        }
        var (exact, prefix) = f.ReferenceMatch;
        if (exact is not null) rules.Add(c => c.Reference == exact);
        if (prefix is not null) rules.Add(c => c.Reference.StartsWith(prefix));
        return rules;
    }

    /// <summary>The rules as one compiled test of a row, made once per filter.</summary>
    public static Func<QueueItem, bool> ForRows(QueueFilter f) => Compiled.GetValue(f, static filter =>
    {
        var row = Expression.Parameter(typeof(QueueItem), "row");
        Expression body = Expression.Constant(true);
        foreach (var rule in Of(filter)) body = Expression.AndAlso(body, new ToRow(rule.Parameters[0], row).Visit(rule.Body));
        return Expression.Lambda<Func<QueueItem, bool>>(body, row).Compile();
    });

    /// <summary>Reads a contact's member from the row that shows it; a rule on anything the row does not carry fails here,
    /// at once, rather than deciding wrongly.</summary>
    private sealed class ToRow(ParameterExpression contact, ParameterExpression row) : ExpressionVisitor
    {
        protected override Expression VisitBinary(BinaryExpression node)
        {
            // "NewInformationAtUtc != null": the row carries whether there is new information, not when it came.
            if (node is { NodeType: ExpressionType.NotEqual or ExpressionType.Equal, Left: MemberExpression { Member.Name: nameof(Contact.NewInformationAtUtc) } m, Right: ConstantExpression { Value: null } }
                && m.Expression == contact)
            {
                var has = Expression.Property(row, nameof(QueueItem.NewInformation));
                return node.NodeType == ExpressionType.NotEqual ? has : Expression.Not(has);
            }
            return base.VisitBinary(node);
        }

        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression == contact
                ? Expression.Property(row, typeof(QueueItem).GetProperty(node.Member.Name)
                    ?? throw new InvalidOperationException($"A queue row does not carry {node.Member.Name}, so a rule cannot read it."))
                : base.VisitMember(node);

        // In memory a reference's start is compared as the database compares it: ordinally.
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method == StartsWith
                ? Expression.Call(Visit(node.Object)!, OrdinalStartsWith, Visit(node.Arguments[0]), Expression.Constant(StringComparison.Ordinal))
                : base.VisitMethodCall(node);

        private static readonly System.Reflection.MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        private static readonly System.Reflection.MethodInfo OrdinalStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string), typeof(StringComparison)])!;

        protected override Expression VisitParameter(ParameterExpression node) =>
            node == contact ? throw new InvalidOperationException("A queue rule may only read the contact's members.") : base.VisitParameter(node);
    }
}
