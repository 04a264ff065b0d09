namespace Migrate.Core.Transforms;

/// <summary>
/// <c>code: standard</c>: the column already holds codes of the item's standard list (国籍・地域 as ISO
/// 3166-1 alpha-3), so no code table converts them. The value passes as it is; one outside the list is
/// rejected by the list (<c>code.not-in-standard-list</c>), so saying this cannot load a wrong code.
/// </summary>
internal sealed class StandardCodesTransform : ITransform
{
    public bool TryApply(in Cell input, RowScope row, out Cell output, out Diagnostics.Problem? problem)
    {
        problem = null;
        output = input;
        return true;
    }
}
