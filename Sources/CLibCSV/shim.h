#ifndef CLIBCSV_SHIM_H
#define CLIBCSV_SHIM_H
#include <stdio.h>
#include <csv.h>
#endif
