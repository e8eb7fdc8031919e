using System.Runtime.InteropServices;

namespace Analytics.Warehouse.DuckDb.Chunks;

/// <summary>
/// The only calls into DuckDB's C API (duckdb.h, v1.5) that we make ourselves: what the
/// <c>managed_scan</c> table function needs to build data chunks and register on a connection.
/// Everything else goes through DuckDB.NET. "duckdb" resolves to the libduckdb.so that
/// DuckDB.NET.Bindings.Full puts next to the assemblies, so both talk to one library.
/// Handles are opaque pointers; functions that destroy a handle take a pointer to it and null it out.
/// </summary>
internal static unsafe class NativeMethods
{
    private const string Lib = "duckdb";

    // logical types
    [DllImport(Lib)] public static extern IntPtr duckdb_create_logical_type(DuckDbType type);
    [DllImport(Lib)] public static extern IntPtr duckdb_create_decimal_type(byte width, byte scale);
    [DllImport(Lib)] public static extern IntPtr duckdb_create_enum_type(IntPtr* memberNames, ulong memberCount);
    [DllImport(Lib)] public static extern void duckdb_destroy_logical_type(ref IntPtr logicalType);

    // data chunks and vectors
    [DllImport(Lib)] public static extern IntPtr duckdb_data_chunk_get_vector(IntPtr chunk, ulong column);
    [DllImport(Lib)] public static extern void duckdb_destroy_data_chunk(ref IntPtr chunk);
    [DllImport(Lib)] public static extern void* duckdb_vector_get_data(IntPtr vector);
    [DllImport(Lib)] public static extern ulong* duckdb_vector_get_validity(IntPtr vector);
    [DllImport(Lib)] public static extern IntPtr duckdb_create_data_chunk(IntPtr* types, ulong columnCount);
    [DllImport(Lib)] public static extern void duckdb_data_chunk_reset(IntPtr chunk);
    [DllImport(Lib)] public static extern void duckdb_data_chunk_set_size(IntPtr chunk, ulong size);
    [DllImport(Lib)] public static extern ulong duckdb_vector_size();
    [DllImport(Lib)] public static extern void duckdb_vector_ensure_validity_writable(IntPtr vector);
    [DllImport(Lib)] public static extern void duckdb_vector_assign_string_element_len(IntPtr vector, ulong index, byte* value, ulong length);
    [DllImport(Lib)] public static extern void duckdb_vector_reference_vector(IntPtr toVector, IntPtr fromVector);

    // the table function
    [DllImport(Lib)] public static extern IntPtr duckdb_create_table_function();
    [DllImport(Lib)] public static extern void duckdb_destroy_table_function(ref IntPtr function);
    [DllImport(Lib)] public static extern void duckdb_table_function_set_name(IntPtr function, [MarshalAs(UnmanagedType.LPUTF8Str)] string name);
    [DllImport(Lib)] public static extern void duckdb_table_function_add_parameter(IntPtr function, IntPtr logicalType);
    [DllImport(Lib)] public static extern void duckdb_table_function_set_bind(IntPtr function, delegate* unmanaged[Cdecl]<IntPtr, void> bind);
    [DllImport(Lib)] public static extern void duckdb_table_function_set_init(IntPtr function, delegate* unmanaged[Cdecl]<IntPtr, void> init);
    [DllImport(Lib)] public static extern void duckdb_table_function_set_function(IntPtr function, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void> scan);
    [DllImport(Lib)] public static extern DuckDbState duckdb_register_table_function(IntPtr connection, IntPtr function);
    [DllImport(Lib)] public static extern IntPtr duckdb_bind_get_parameter(IntPtr info, ulong index);
    [DllImport(Lib)] public static extern void duckdb_bind_add_result_column(IntPtr info, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, IntPtr logicalType);
    [DllImport(Lib)] public static extern void duckdb_bind_set_bind_data(IntPtr info, IntPtr data, delegate* unmanaged[Cdecl]<IntPtr, void> destroy);
    [DllImport(Lib)] public static extern void duckdb_bind_set_error(IntPtr info, [MarshalAs(UnmanagedType.LPUTF8Str)] string error);
    [DllImport(Lib)] public static extern IntPtr duckdb_init_get_bind_data(IntPtr info);
    [DllImport(Lib)] public static extern void duckdb_init_set_max_threads(IntPtr info, ulong maxThreads);
    [DllImport(Lib)] public static extern IntPtr duckdb_function_get_bind_data(IntPtr info);
    [DllImport(Lib)] public static extern void duckdb_function_set_error(IntPtr info, [MarshalAs(UnmanagedType.LPUTF8Str)] string error);
    [DllImport(Lib)] public static extern long duckdb_get_int64(IntPtr value);
    [DllImport(Lib)] public static extern void duckdb_destroy_value(ref IntPtr value);
}

internal enum DuckDbState { Success = 0, Error = 1 }

/// <summary>duckdb_type: the type ids of duckdb.h that the chunk columns use.</summary>
internal enum DuckDbType { Boolean = 1, Integer = 4, BigInt = 5, Date = 13, Varchar = 17 }
