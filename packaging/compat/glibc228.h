/* Force-included into every C file of the compat build's CPython (packaging/build_compat.sh).
 * glibc 2.29 gave exp, log, pow, exp2 and log2 new, faster versions (GLIBC_2.29); a program
 * compiled against glibc >= 2.29 asks for those and does not start on glibc 2.28. Link the
 * versions every x86_64 glibc has (GLIBC_2.2.5): same results, a little slower. */
/* (No #include here: it would fix the feature macros before the file's own #defines. __GLIBC__
 * is not known yet, so: x86_64 Linux, which for this build is glibc.) */
#if defined(__x86_64__) && defined(__linux__)
__asm__(".symver exp,exp@GLIBC_2.2.5");
__asm__(".symver log,log@GLIBC_2.2.5");
__asm__(".symver pow,pow@GLIBC_2.2.5");
__asm__(".symver exp2,exp2@GLIBC_2.2.5");
__asm__(".symver log2,log2@GLIBC_2.2.5");
#endif
