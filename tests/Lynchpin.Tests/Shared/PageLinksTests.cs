using System.Reflection;
using Lynchpin.Web.Pages.Shared;
using Microsoft.AspNetCore.Razor.Hosting;

namespace Lynchpin.Tests.Shared;

public class PageLinksTests
{
    /// <summary>Every Razor page of the app, by its name (<c>/Staff/Show</c>) and the type of its page model.</summary>
    private static IEnumerable<(string Name, Type Model)> Pages() =>
        typeof(PageLinks).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Where(item => item.Kind == "mvc.1.0.razor-page")
            .Select(item => (
                Name: item.Identifier["/Pages".Length..^".cshtml".Length],
                Model: item.Type.GetProperty("Model")!.PropertyType));

    [Fact]
    public void NameOf_EveryPageModel_IsTheNameOfItsPage()
    {
        // Arrange
        var pages = Pages().Where(p => p.Model != typeof(object)).ToList();

        // Act
        var mismatched = pages.Where(p => PageLinks.NameOf(p.Model) != p.Name).Select(p => $"{p.Model.FullName} at {p.Name}").ToList();

        // Assert
        Assert.True(pages.Count > 50, $"Only {pages.Count} pages found.");
        Assert.Empty(mismatched);
    }

    [Fact]
    public void NameOf_TypeOutsideThePages_Throws()
    {
        // Arrange
        var notAPage = typeof(Lynchpin.Web.LynchpinApp);

        // Act
        var thrown = Record.Exception(() => PageLinks.NameOf(notAPage));

        // Assert
        Assert.IsType<ArgumentException>(thrown);
    }
}
