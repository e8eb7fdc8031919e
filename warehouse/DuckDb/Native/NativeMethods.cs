using System.Runtime.InteropServices;

namespace Analytics.Warehouse.DuckDb.Native;

/// <summary>
/// The slice of DuckDB's C API (duckdb.h, v1.5) that the provider uses. Handles are opaque
/// pointers; functions that destroy a handle take a pointer to it and null it out.
/// Public so that the benchmark can run a bare chunk loop against the same library.
/// </summary>
public static unsafe class NativeMethods
{
    private const string Lib = "duckdb";

    // database, configuration, connection
    [DllImport(Lib)] public static extern DuckDbState duckdb_create_config(out IntPtr config);
    [DllImport(Lib)] public static extern DuckDbState duckdb_set_config(IntPtr config, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string option);
    [DllImport(Lib)] public static extern void duckdb_destroy_config(ref IntPtr config);
    [DllImport(Lib)] public static extern DuckDbState duckdb_open_ext([MarshalAs(UnmanagedType.LPUTF8Str)] string? path, out IntPtr database, IntPtr config, out IntPtr error);
    [DllImport(Lib)] public static extern void duckdb_close(ref IntPtr database);
    [DllImport(Lib)] public static extern DuckDbState duckdb_connect(IntPtr database, out IntPtr connection);
    [DllImport(Lib)] public static extern void duckdb_disconnect(ref IntPtr connection);
    [DllImport(Lib)] public static extern void duckdb_interrupt(IntPtr connection);
    [DllImport(Lib)] public static extern DuckDbQueryProgress duckdb_query_progress(IntPtr connection);
    [DllImport(Lib)] public static extern IntPtr duckdb_library_version();
    [DllImport(Lib)] public static extern void duckdb_free(IntPtr ptr);

    // statements
    [DllImport(Lib)] public static extern ulong duckdb_extract_statements(IntPtr connection, byte* query, out IntPtr extracted);
    [DllImport(Lib)] public static extern DuckDbState duckdb_prepare_extracted_statement(IntPtr connection, IntPtr extracted, ulong index, out IntPtr statement);
    [DllImport(Lib)] public static extern IntPtr duckdb_extract_statements_error(IntPtr extracted);
    [DllImport(Lib)] public static extern void duckdb_destroy_extracted(ref IntPtr extracted);
    [DllImport(Lib)] public static extern DuckDbState duckdb_prepare(IntPtr connection, byte* query, out IntPtr statement);
    [DllImport(Lib)] public static extern IntPtr duckdb_prepare_error(IntPtr statement);
    [DllImport(Lib)] public static extern void duckdb_destroy_prepare(ref IntPtr statement);
    [DllImport(Lib)] public static extern ulong duckdb_nparams(IntPtr statement);
    [DllImport(Lib)] public static extern IntPtr duckdb_parameter_name(IntPtr statement, ulong index);
    [DllImport(Lib)] public static extern DuckDbType duckdb_param_type(IntPtr statement, ulong index);
    [DllImport(Lib)] public static extern DuckDbState duckdb_clear_bindings(IntPtr statement);

    // binding (parameter indexes are 1-based)
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_null(IntPtr statement, ulong index);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_boolean(IntPtr statement, ulong index, byte value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_int8(IntPtr statement, ulong index, sbyte value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_int16(IntPtr statement, ulong index, short value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_int32(IntPtr statement, ulong index, int value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_int64(IntPtr statement, ulong index, long value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_uint8(IntPtr statement, ulong index, byte value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_uint16(IntPtr statement, ulong index, ushort value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_uint32(IntPtr statement, ulong index, uint value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_uint64(IntPtr statement, ulong index, ulong value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_hugeint(IntPtr statement, ulong index, DuckDbHugeInt value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_float(IntPtr statement, ulong index, float value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_double(IntPtr statement, ulong index, double value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_decimal(IntPtr statement, ulong index, DuckDbDecimal value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_date(IntPtr statement, ulong index, int days);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_timestamp(IntPtr statement, ulong index, long micros);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_varchar_length(IntPtr statement, ulong index, byte* value, ulong length);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_blob(IntPtr statement, ulong index, byte* data, ulong length);
    [DllImport(Lib)] public static extern DuckDbState duckdb_bind_value(IntPtr statement, ulong index, IntPtr value);

    // values (for LIST parameters and DECIMAL appends)
    [DllImport(Lib)] public static extern IntPtr duckdb_create_varchar_length(byte* text, ulong length);
    [DllImport(Lib)] public static extern IntPtr duckdb_create_bool(byte value);
    [DllImport(Lib)] public static extern IntPtr duckdb_create_int32(int value);
    [DllImport(Lib)] public static extern IntPtr duckdb_create_int64(long value);
    [DllImport(Lib)] public static extern IntPtr duckdb_create_double(double value);
    [DllImport(Lib)] public static extern IntPtr duckdb_create_decimal(DuckDbDecimal value);
    [DllImport(Lib)] public static extern IntPtr duckdb_create_date(int days);
    [DllImport(Lib)] public static extern IntPtr duckdb_create_timestamp(long micros);
    [DllImport(Lib)] public static extern IntPtr duckdb_create_null_value();
    [DllImport(Lib)] public static extern IntPtr duckdb_create_list_value(IntPtr childType, IntPtr* values, ulong count);
    [DllImport(Lib)] public static extern IntPtr duckdb_get_value_type(IntPtr value);
    [DllImport(Lib)] public static extern void duckdb_destroy_value(ref IntPtr value);

    // execution
    [DllImport(Lib)] public static extern DuckDbState duckdb_pending_prepared(IntPtr statement, out IntPtr pending);
    [DllImport(Lib)] public static extern DuckDbState duckdb_pending_prepared_streaming(IntPtr statement, out IntPtr pending);
    [DllImport(Lib)] public static extern DuckDbPendingState duckdb_pending_execute_task(IntPtr pending);
    [DllImport(Lib)] public static extern DuckDbPendingState duckdb_pending_execute_check_state(IntPtr pending);
    [DllImport(Lib)] public static extern IntPtr duckdb_pending_error(IntPtr pending);
    [DllImport(Lib)] public static extern DuckDbState duckdb_execute_pending(IntPtr pending, out DuckDbResult result);
    [DllImport(Lib)] public static extern void duckdb_destroy_pending(ref IntPtr pending);
    [DllImport(Lib)] public static extern DuckDbState duckdb_execute_prepared_streaming(IntPtr statement, out DuckDbResult result);
    [DllImport(Lib)] public static extern DuckDbState duckdb_query(IntPtr connection, byte* query, out DuckDbResult result);

    // results
    [DllImport(Lib)] public static extern void duckdb_destroy_result(ref DuckDbResult result);
    [DllImport(Lib)] public static extern IntPtr duckdb_result_error(ref DuckDbResult result);
    [DllImport(Lib)] public static extern ulong duckdb_column_count(ref DuckDbResult result);
    [DllImport(Lib)] public static extern IntPtr duckdb_column_name(ref DuckDbResult result, ulong column);
    [DllImport(Lib)] public static extern IntPtr duckdb_column_logical_type(ref DuckDbResult result, ulong column);
    [DllImport(Lib)] public static extern ulong duckdb_rows_changed(ref DuckDbResult result);
    [DllImport(Lib)] public static extern DuckDbResultType duckdb_result_return_type(DuckDbResult result);
    [DllImport(Lib)] public static extern IntPtr duckdb_fetch_chunk(DuckDbResult result);

    // logical types
    [DllImport(Lib)] public static extern DuckDbType duckdb_get_type_id(IntPtr logicalType);
    [DllImport(Lib)] public static extern byte duckdb_decimal_width(IntPtr logicalType);
    [DllImport(Lib)] public static extern byte duckdb_decimal_scale(IntPtr logicalType);
    [DllImport(Lib)] public static extern DuckDbType duckdb_decimal_internal_type(IntPtr logicalType);
    [DllImport(Lib)] public static extern IntPtr duckdb_list_type_child_type(IntPtr logicalType);
    [DllImport(Lib)] public static extern IntPtr duckdb_create_logical_type(DuckDbType type);
    [DllImport(Lib)] public static extern IntPtr duckdb_create_decimal_type(byte width, byte scale);
    [DllImport(Lib)] public static extern void duckdb_destroy_logical_type(ref IntPtr logicalType);

    // data chunks and vectors
    [DllImport(Lib)] public static extern ulong duckdb_data_chunk_get_size(IntPtr chunk);
    [DllImport(Lib)] public static extern ulong duckdb_data_chunk_get_column_count(IntPtr chunk);
    [DllImport(Lib)] public static extern IntPtr duckdb_data_chunk_get_vector(IntPtr chunk, ulong column);
    [DllImport(Lib)] public static extern void duckdb_destroy_data_chunk(ref IntPtr chunk);
    [DllImport(Lib)] public static extern void* duckdb_vector_get_data(IntPtr vector);
    [DllImport(Lib)] public static extern ulong* duckdb_vector_get_validity(IntPtr vector);
    [DllImport(Lib)] public static extern IntPtr duckdb_list_vector_get_child(IntPtr vector);
    [DllImport(Lib)] public static extern IntPtr duckdb_create_data_chunk(IntPtr* types, ulong columnCount);
    [DllImport(Lib)] public static extern void duckdb_data_chunk_reset(IntPtr chunk);
    [DllImport(Lib)] public static extern void duckdb_data_chunk_set_size(IntPtr chunk, ulong size);
    [DllImport(Lib)] public static extern ulong duckdb_vector_size();
    [DllImport(Lib)] public static extern void duckdb_vector_ensure_validity_writable(IntPtr vector);
    [DllImport(Lib)] public static extern void duckdb_vector_assign_string_element_len(IntPtr vector, ulong index, byte* value, ulong length);

    // table functions (rows produced by managed code: Chunks/ManagedScan)
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
    [DllImport(Lib)] public static extern void duckdb_vector_reference_vector(IntPtr toVector, IntPtr fromVector);

    // appender
    [DllImport(Lib)] public static extern DuckDbState duckdb_appender_create(IntPtr connection, [MarshalAs(UnmanagedType.LPUTF8Str)] string? schema, [MarshalAs(UnmanagedType.LPUTF8Str)] string table, out IntPtr appender);
    [DllImport(Lib)] public static extern IntPtr duckdb_appender_error(IntPtr appender);
    [DllImport(Lib)] public static extern DuckDbState duckdb_appender_flush(IntPtr appender);
    [DllImport(Lib)] public static extern DuckDbState duckdb_appender_close(IntPtr appender);
    [DllImport(Lib)] public static extern DuckDbState duckdb_appender_destroy(ref IntPtr appender);
    [DllImport(Lib)] public static extern ulong duckdb_appender_column_count(IntPtr appender);
    [DllImport(Lib)] public static extern DuckDbState duckdb_appender_end_row(IntPtr appender);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_null(IntPtr appender);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_bool(IntPtr appender, byte value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_int8(IntPtr appender, sbyte value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_int16(IntPtr appender, short value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_int32(IntPtr appender, int value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_int64(IntPtr appender, long value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_uint8(IntPtr appender, byte value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_uint16(IntPtr appender, ushort value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_uint32(IntPtr appender, uint value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_uint64(IntPtr appender, ulong value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_hugeint(IntPtr appender, DuckDbHugeInt value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_float(IntPtr appender, float value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_double(IntPtr appender, double value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_date(IntPtr appender, int days);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_timestamp(IntPtr appender, long micros);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_varchar_length(IntPtr appender, byte* value, ulong length);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_blob(IntPtr appender, byte* data, ulong length);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_value(IntPtr appender, IntPtr value);
    [DllImport(Lib)] public static extern DuckDbState duckdb_append_data_chunk(IntPtr appender, IntPtr chunk);

    /// <summary>Copies a C string owned by DuckDB (not freed here).</summary>
    public static string? PtrToString(IntPtr utf8) => utf8 == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(utf8);
}
