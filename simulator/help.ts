/** The --help text. */
export const HELP = `Usage: npm run kkm -- <command> [options]

A KKM (cash register) simulator speaking the CPCR 2.0.2/2.0.3 protocol.

Commands:
  info                     COMMAND_INFO: shift state and registration data
  ping                     COMMAND_SYSTEM keep-alive
  sell | buy               COMMAND_TICKET with OPERATION_SELL / OPERATION_BUY
  return | buy-return      COMMAND_TICKET returning a receipt (--parent)
  close-shift              COMMAND_CLOSE_SHIFT; prints the Z report
  x-report | z-report      COMMAND_REPORT: current X or last Z report
  deposit <amount>         COMMAND_MONEY_PLACEMENT deposit, amount in tenge
  withdraw <amount>        COMMAND_MONEY_PLACEMENT withdrawal
  login <login> <password> COMMAND_AUTH: check a cashier's password
  offline sell|buy|return|buy-return|deposit|withdraw|close-shift
                           queue the document instead of sending it
  queue                    list the autonomous queue
  flush                    report the offline period, then send the queue
  resend                   send the last frame again, byte for byte

Connection and identity:
  --id <n>                 device ID issued by the OFD (env KKM_ID)
  --token <n>              initial token, used only while the state file has
                           none (env KKM_TOKEN)
  --host <host>            TCP gateway host (env KKM_HOST, default 127.0.0.1)
  --port <n>               TCP gateway port (env KKM_PORT, default 7777)
  --ws <url>               use WebSocket instead, e.g.
                           ws://127.0.0.1:8787 (/kkm/ws/<id> is appended)
  --timeout <ms>           deadline of one exchange (default 10000)
  --protocol 202|203       protocol version (default 203, then the state's)
  --state <file>           state file (default .kkm/<id>.json)
  --kgd <number>           KGD registration number sent in reg_info
  --serial <text>          factory serial number sent in reg_info
  --json                   print one JSON object on stdout
  -h, --help               print this help

Documents:
  --at <time>              local time of the document, 2025-01-15T12:30:00
                           (default: now in Asia/Almaty)
  --operator-code <n>      cashier code (default 1)
  --operator-name <text>   cashier name (default Кассир)

Receipts:
  --item "Name:price:qty[:section]"  a line; price in tenge (2 decimals),
                           quantity up to 3 decimals, section default 1;
                           repeatable. Returns default to the parent's lines.
  --vat 12|16|0|none       VAT included in prices (default none)
  --pay cash|card|mobile[:amount]    a payment, repeatable; one payment may
                           omit its amount and takes the rest (default: cash)
  --taken <amount>         cash handed over; change = taken - cash due
  --discount <amount>      receipt-level discount
  --markup <amount>        receipt-level markup
  --line-discount <n>:<amount>       discount on line n, repeatable
  --line-markup <n>:<amount>         markup on line n, repeatable
  --customer-iin <12 digits>         customer IIN/BIN
  --parent <fiscal sign>   receipt to return (default: the last one)

Shift:
  --withdraw               close-shift: withdraw all cash before closing

Exit codes: 0 OK, 1 transport or state failure, 2 OFD result other than OK,
64 invalid arguments.
`;
