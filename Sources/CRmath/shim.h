#ifndef CRMATH_SHIM_H
#define CRMATH_SHIM_H
/* R's standalone maths library: the same quantile code PHEindicatormethods runs on. */
#define MATHLIB_STANDALONE 1
#include <Rmath.h>

/* Rmath.h maps these names with macros, which Swift cannot import; expose plain functions. */
static inline double rmath_qnorm(double p, double mean, double sd, int lower_tail, int log_p) {
    return qnorm(p, mean, sd, lower_tail, log_p);
}
static inline double rmath_qchisq(double p, double df, int lower_tail, int log_p) {
    return qchisq(p, df, lower_tail, log_p);
}
static inline double rmath_qt(double p, double df, int lower_tail, int log_p) {
    return qt(p, df, lower_tail, log_p);
}
static inline double rmath_pnorm(double x, double mean, double sd, int lower_tail, int log_p) {
    return pnorm(x, mean, sd, lower_tail, log_p);
}
static inline double rmath_pgamma(double x, double shape, double scale, int lower_tail, int log_p) {
    return pgamma(x, shape, scale, lower_tail, log_p);
}
#endif
