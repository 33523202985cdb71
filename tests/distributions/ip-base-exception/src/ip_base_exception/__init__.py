class Odd(BaseException):
    pass


raise Odd("a custom BaseException on import")
