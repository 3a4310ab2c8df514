/* The national units x indicators sheet written by libxlsxwriter in constant-memory mode, the same cells as xlsx_bench.swift.
 * Build: cc -O2 -o xlsx_libxlsxwriter xlsx_libxlsxwriter.c -lxlsxwriter   (Debian: apt-get install libxlsxwriter-dev)
 * usage: xlsx_libxlsxwriter OUT.xlsx [ROWS] [INDICATORS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <xlsxwriter.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s OUT.xlsx [ROWS] [INDICATORS]\n", argv[0]);
        return 2;
    }
    int rows = argc > 2 ? atoi(argv[2]) : 10600;
    int indicators = argc > 3 ? atoi(argv[3]) : 80;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);

    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *workbook = workbook_new_opt(argv[1], &options);
    if (!workbook) {
        fprintf(stderr, "cannot create %s\n", argv[1]);
        return 1;
    }
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Đơn vị × chỉ tiêu");
    lxw_format *bold = workbook_add_format(workbook);
    format_set_bold(bold);
    format_set_font_name(bold, "Times New Roman");
    lxw_format *percent = workbook_add_format(workbook);
    format_set_num_format(percent, "0.00%");
    lxw_format *amount = workbook_add_format(workbook);
    format_set_num_format(amount, "#,##0.00");
    lxw_format *count = workbook_add_format(workbook);
    format_set_num_format(count, "#,##0");
    worksheet_set_column(sheet, 0, 0, 30, NULL);
    worksheet_set_column(sheet, 1, indicators, 10, NULL);
    worksheet_freeze_panes(sheet, 1, 1);

    char text[64];
    worksheet_write_string(sheet, 0, 0, "Đơn vị", bold);
    for (int j = 1; j <= indicators; j++) {
        snprintf(text, sizeof text, "CT%02d", j);
        worksheet_write_string(sheet, 0, j, text, bold);
    }
    for (int i = 1; i <= rows; i++) {
        snprintf(text, sizeof text, "Xã số %05d — huyện %d", i, i % 705);
        worksheet_write_string(sheet, i, 0, text, NULL);
        for (int j = 1; j <= indicators; j++) {
            long v = ((long)i * 7919 + (long)j * 104729) % 10007;
            switch (j % 5) {
            case 0: worksheet_write_number(sheet, i, j, v / 10000.0, percent); break;
            case 1: worksheet_write_number(sheet, i, j, v / 8.0, amount); break;
            default: worksheet_write_number(sheet, i, j, (double)v, count); break;
            }
        }
    }
    lxw_error error = workbook_close(workbook);
    if (error) {
        fprintf(stderr, "libxlsxwriter: %s\n", lxw_strerror(error));
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    printf("libxlsxwriter rows=%d cells=%d seconds=%.3f VmHWM: %ld kB\n", rows, rows * (indicators + 1), seconds, usage.ru_maxrss);
    return 0;
}
