using Lynchpin.Web.Pages.Imports;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Lynchpin.Web.Imports;

/// <summary>
/// The one import page answers at each import's address in <see cref="ImportTable"/>: one route per address pattern,
/// its <c>{import}</c> limited to the keys of the imports that share it, so links can be made from the key.
/// </summary>
public static class ImportRoutes
{
    public static void AddTo(PageConventionCollection conventions) =>
        conventions.AddPageRouteModelConvention(PageLinks.NameOf<ImportModel>(), model =>
        {
            model.Selectors.Clear();
            foreach (var imports in ImportTable.All.GroupBy(i => i.Route))
            {
                var keys = string.Join("|", imports.Select(i => i.Key));
                var template = imports.Key.Replace("{import}", $"{{import:regex(^({keys})$)}}", StringComparison.Ordinal);
                model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = template } });
            }
        });
}
