// libxlsxwriter (Debian libxlsxwriter-dev): writes .xlsx workbooks for the report stage.
#include <xlsxwriter.h>
