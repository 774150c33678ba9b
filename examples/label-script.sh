#!/usr/bin/env bash
# A label-printing script at a sorting hub: protect today's order export, keep the rejects for
# the intake team, and send one ZPL label per parcel to the Zebra printer queue.
#
#   ./examples/label-script.sh orders-2025-07-15.csv courier-042
#
# The CUPS queue "zebra" is a raw queue (lpadmin -p zebra -v socket://10.0.8.21:9100 -m raw),
# so the ZPL reaches the printer unchanged (-o raw).
#
# Exit codes of waybill-shield: 0 ok, 1 failed, 2 usage, 3 some rows rejected, 4 refused.
set -euo pipefail

ORDERS="${1:?usage: label-script.sh ORDERS.csv [COURIER_ID]}"
COURIER="${2:-}"
KEYS="${WAYBILL_SHIELD_KEYS:-/etc/waybill-shield/keys.json}"   # mode 0600, from `waybill-shield keygen`
QUEUE="${ZEBRA_QUEUE:-zebra}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# 1. Protect: CSV in (`;` or `,`, BOM and quoted newlines are fine), NDJSON out.
#    Rows that fail validation go to rejects.ndjson as {row, line, code, issues}, never values.
set +e
waybill-shield protect "$ORDERS" --keys "$KEYS" --workers 4 \
  -o "$WORK/protected.ndjson" --rejects "$WORK/rejects.ndjson"
status=$?
set -e
case $status in
  0) ;;
  3) echo "some rows were rejected; see rejects-$(basename "$ORDERS").ndjson" >&2
     cp "$WORK/rejects.ndjson" "rejects-$(basename "$ORDERS").ndjson" ;;
  *) exit "$status" ;;
esac

# 2. Labels: ZPL II, 100x150 mm at 203 dpi. With a courier id, each QR also carries a reveal
#    token that only that courier can redeem, for the next 12 hours.
label_args=(--format zpl --size 100x150 --dpi 203)
if [[ -n "$COURIER" ]]; then
  label_args+=(--token-for "$COURIER" --valid-hours 12 --keys "$KEYS")
fi
# For printers without the resident Unicode font, add: --fold (prints unaccented Vietnamese).

# 3. Print: one ^XA…^XZ format per parcel, straight to the raw queue.
waybill-shield label "$WORK/protected.ndjson" "${label_args[@]}" | lp -d "$QUEUE" -o raw

# Previews for the shift lead, one SVG per parcel:
#   mkdir -p previews && waybill-shield label "$WORK/protected.ndjson" --format svg -o previews/
