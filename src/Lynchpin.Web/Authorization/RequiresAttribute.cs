using System.Reflection;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Lynchpin.Web.Authorization;

/// <summary>
/// The right a page needs on the school or person it is about (<c>[Requires(nameof(Operations.Manage))]</c>): on the page
/// class for every handler, on a handler for that one. Without it, seeing the school or person is enough.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class RequiresAttribute(string operation) : Attribute
{
    public OperationAuthorizationRequirement Operation { get; } = Operations.Named(operation);

    /// <summary>What <paramref name="handler"/> of <paramref name="page"/> requires: its own attribute, else the page's, else Read.</summary>
    public static OperationAuthorizationRequirement For(MethodInfo? handler, Type page) =>
        (handler?.GetCustomAttribute<RequiresAttribute>() ?? page.GetCustomAttribute<RequiresAttribute>(inherit: true))?.Operation
        ?? Operations.Read;
}
