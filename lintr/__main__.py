from lintr.cli.commands import main

raise SystemExit(main())
