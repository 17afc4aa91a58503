# SPDX-License-Identifier: GPL-3.0-or-later
# The soak's plot (bench/soak.sh): RSS, descriptors and send-to-ack latency over time.
#   gnuplot -e "csv='soak.csv'; png='soak.png'; heading='Confab soak'" bench/soak/soak.gp
set datafile separator ","
set terminal pngcairo size 1000,900 font "sans,10"
set output png
set key noenhanced below horizontal
set multiplot layout 3,1 title heading noenhanced
set xlabel "minutes" offset 0,0.6
set offsets 0, 0, graph 0.1, 0
set yrange [0:*]
set ylabel "MiB"
plot csv using ($1/60):2 skip 1 with lines lw 2 lc rgb "#1f77b4" title "RSS", \
     "" using ($1/60):3 skip 1 with lines lw 2 lc rgb "#2ca02c" title "RSS anonymous (heap, stacks)"
set ylabel "count"
plot csv using ($1/60):4 skip 1 with lines lw 2 lc rgb "#1f77b4" title "open descriptors", \
     "" using ($1/60):7 skip 1 with lines lw 1 lc rgb "#2ca02c" title "WebSocket connections", \
     "" using ($1/60):9 skip 1 with lines lw 1 lc rgb "#ff7f0e" title "storage queue"
set ylabel "ms"
plot csv using ($1/60):14 skip 1 with lines lw 2 lc rgb "#d62728" title "p99 send-to-ack", \
     "" using ($1/60):13 skip 1 with lines lw 1 lc rgb "#9467bd" title "p50 send-to-ack"
unset multiplot
