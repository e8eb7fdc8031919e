namespace Analytics.Warehouse.DuckDb;

/// <summary>
/// Decides when a unit of work on a <see cref="DuckDbDataSource"/> may run: the web host's bounded,
/// fair queue of mart queries (<c>MartGate</c>). Work already admitted runs at once.
/// </summary>
public interface IQueryAdmission
{
    T Run<T>(Func<T> work);
}
